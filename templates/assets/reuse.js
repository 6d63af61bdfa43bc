// Citations to copy. Progressive enhancement: without this script the
// citations are there to select by hand.
//  - A "Copy" button on each citation block copies its text.
//  - On a chapter, choosing a paragraph's number (or arriving at #p12)
//    makes the "cite a passage" blocks cite that paragraph.
(function () {
  "use strict";
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function say(msg) {
    status.textContent = "";
    setTimeout(function () { status.textContent = msg; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var ta = document.createElement("textarea");
      ta.value = text;
      ta.setAttribute("readonly", "");
      ta.className = "visually-hidden";
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      ta.remove();
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  document.querySelectorAll("button.copy[data-copy]").forEach(function (b) {
    var target = document.getElementById(b.getAttribute("data-copy"));
    if (!target) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      var text = target.textContent.replace(/\s+$/, "") + "\n";
      copyText(text).then(function () {
        b.textContent = "Copied";
        say("Copied to the clipboard");
        setTimeout(function () { b.textContent = "Copy"; }, 2000);
      }, function () {
        var r = document.createRange();
        r.selectNodeContents(target);
        var sel = getSelection();
        sel.removeAllRanges();
        sel.addRange(r);
        say("Selected: press Control-C or Command-C to copy");
      });
    });
  });

  var how = document.querySelector('[data-cite="how"]');
  if (!how) return;
  how.hidden = false;
  function cite(id) {
    var m = /^p(\d+)$/.exec(id || "");
    if (!m || !document.getElementById(id)) return;
    document.querySelectorAll('[data-cite="para"]').forEach(function (s) { s.textContent = m[1]; });
    document.querySelectorAll('[data-cite="anchor"]').forEach(function (s) { s.textContent = id; });
    document.querySelectorAll('[data-cite="label"]').forEach(function (s) { s.textContent = "¶ " + m[1]; });
  }
  cite(location.hash.slice(1));
  window.addEventListener("hashchange", function () { cite(location.hash.slice(1)); });
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.pnum");
    if (a) cite((a.getAttribute("href") || "").slice(1));
  });
})();
