// Applies the reader's chosen theme before the page paints. Loaded in <head>
// (it is tiny) so that a dark page never flashes light.
(function () {
  try {
    var t = localStorage.getItem("edition-theme");
    if (t === "dark" || t === "light") document.documentElement.setAttribute("data-theme", t);
    if (localStorage.getItem("edition-annotations") === "off") document.documentElement.classList.add("bare");
  } catch (e) { /* storage may be disabled: follow the system */ }
})();
