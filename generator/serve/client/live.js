// Live preview for `edition serve`. The server adds this script to every
// page it serves; it is never part of the built site.
//
// It listens to the server's event stream. After a build that changed the
// page, it reloads the page and puts the reader back: on the passage that
// changed, or where they were. After a build that failed, it shows the
// errors over the page (the page itself is the last good build) until a
// build succeeds.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource || !window.JSON) return;
  var shown = me.getAttribute("data-build"); // the build this page comes from
  var page = me.getAttribute("data-page");   // its site path; "" reloads on any change
  var KEY = "edition-live-position";
  var PASSAGES = ["p", "li", "h1", "h2", "h3", "h4", "blockquote", "section", "aside", "div", "dt", "dd", "tr", "figure"]
    .map(function (t) { return "main " + t + "[id]"; }).join(", ");

  // The passage at the top of the window: the last one that starts above
  // the top edge and reaches below it, or else (or if that one only holds
  // it) the first one below the edge.
  function passageAtTop() {
    var all = document.querySelectorAll(PASSAGES), best = null;
    for (var i = 0; i < all.length; i++) {
      var r = all[i].getBoundingClientRect();
      if (r.top <= 1 && r.bottom > 0) best = all[i];
      else if (r.top > 1) { if (!best || best.contains(all[i])) best = all[i]; break; }
    }
    return best;
  }

  // While this page stands, the browser keeps its hands off the scroll
  // position after a reload (we put the reader back ourselves); when the
  // reader leaves it for good, the browser's own restoring comes back.
  var reloading = false;
  try { history.scrollRestoration = "manual"; } catch (e) { /* ignore */ }
  window.addEventListener("pagehide", function () {
    if (!reloading) try { history.scrollRestoration = "auto"; } catch (e) { /* ignore */ }
  });

  function reload(changed) {
    reloading = true;
    var at = passageAtTop();
    var pos = {
      path: location.pathname, y: window.scrollY,
      anchor: at ? at.id : "", offset: at ? at.getBoundingClientRect().top : 0,
      changed: changed || ""
    };
    try {
      sessionStorage.setItem(KEY, JSON.stringify(pos));
    } catch (e) { /* storage may be off: the page reloads at the top */ }
    location.reload();
  }

  // mark outlines the changed passage for a moment. The attribute says
  // when (the page's clock), for a test to tell a mark already gone from
  // none at all.
  function mark(el) {
    el.setAttribute("data-edition-marked", String(Math.round(performance.now())));
    var before = el.style.outline, offset = el.style.outlineOffset;
    el.style.outline = "3px solid #c2410c";
    el.style.outlineOffset = "4px";
    setTimeout(function () { el.style.outline = before; el.style.outlineOffset = offset; }, 2500);
  }

  function restore() {
    var pos;
    try {
      pos = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
    } catch (e) { return; }
    if (!pos || pos.path !== location.pathname) return;
    var place = function () {
      var changed = pos.changed && document.getElementById(pos.changed);
      var anchor = pos.anchor && document.getElementById(pos.anchor);
      if (changed) changed.scrollIntoView({ block: "center" });
      else if (anchor) window.scrollTo(0, window.scrollY + anchor.getBoundingClientRect().top - pos.offset);
      else window.scrollTo(0, pos.y);
      return changed;
    };
    var changed = place();
    if (changed) mark(changed);
    var at = window.scrollY;
    // Late styles or fonts can move things: place again once, unless the
    // reader has scrolled meanwhile.
    window.addEventListener("load", function () { if (window.scrollY === at) place(); }, { once: true });
  }

  var host = null;

  function hideFailure() {
    if (host) { host.remove(); host = null; }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function showFailure(f) {
    hideFailure();
    host = document.createElement("edition-live-errors");
    var root = host.attachShadow({ mode: "open" });
    var css = el("link");
    css.rel = "stylesheet";
    css.href = "/_edition/overlay.css";
    var box = el("section", "box");
    var dark = document.documentElement.getAttribute("data-theme");
    if (dark) box.classList.add(dark);
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "edition-live-title");
    var title = el("h2", "", "The edition could not be rebuilt");
    title.id = "edition-live-title";
    var lead = el("p", "lead", "This page is the last good build. Fix the file and save: this message goes when the build succeeds.");
    var list = el("ul");
    f.errors.forEach(function (d) {
      var li = el("li");
      li.appendChild(el("code", "pos", d.pos || "(no file)"));
      li.appendChild(el("span", "msg", d.message));
      if (d.hint) li.appendChild(el("span", "hint", d.hint));
      list.appendChild(li);
    });
    if (f.more > 0) list.appendChild(el("li", "more", "and " + f.more + " more errors: see the terminal"));
    var hide = el("button", "", "Hide");
    hide.type = "button";
    hide.addEventListener("click", hideFailure);
    box.addEventListener("keydown", function (e) { if (e.key === "Escape") hideFailure(); });
    box.appendChild(title);
    box.appendChild(lead);
    box.appendChild(list);
    box.appendChild(hide);
    root.appendChild(css);
    root.appendChild(box);
    document.body.appendChild(host);
  }

  restore();

  var events = new EventSource("/_edition/events");
  events.addEventListener("hello", function (e) {
    var d = JSON.parse(e.data);
    if (d.build !== shown) { reload(""); return; } // built while this page was away
    if (d.failed) showFailure(d.failed); else hideFailure();
  });
  events.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    hideFailure();
    if (page === "" || d.all || d.pages.indexOf(page) >= 0) {
      reload(d.anchors && d.anchors[page]);
      return;
    }
    shown = d.build;
  });
  events.addEventListener("failed", function (e) {
    showFailure(JSON.parse(e.data));
  });
})();
