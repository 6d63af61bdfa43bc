// Applies the reader's choices before the page paints, so that a dark page
// never flashes light and the bare text never flashes annotated. Loaded in
// <head> (it is tiny); the class "js" tells the stylesheet that edition.js
// will run and the reading options can be shown.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var t = localStorage.getItem("edition-theme");
    if (t === "dark" || t === "light") root.setAttribute("data-theme", t);
    if (localStorage.getItem("edition-annotations") === "off") root.classList.add("bare");
  } catch (e) { /* storage may be disabled: follow the system */ }
})();
