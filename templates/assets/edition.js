// Progressive enhancement for reading the edition. Everything here is
// optional: without it, notes are endnotes with back-links, every link
// works, and the reading options are not shown.
//
//   notes      each endnote is copied beside the line that calls it: in the
//              margin on wide screens, opened in place (tap, Enter; Escape
//              or a second tap closes) on narrow screens and in the bare text
//   previews   a card for each concept, actor, event and source link, on
//              hover or focus after a short delay; hoverable, dismissable
//              with Escape, first tap on a touch screen
//   passages   a "Cite" button by each paragraph number copies a citation
//   options    annotations on/off and the theme, remembered; where space
//              is short, behind one button that shows and hides them
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var wide = window.matchMedia("(min-width: 62rem)");

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) { /* storage disabled: the choice lasts for this page */ }
  }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function bare() { return root.classList.contains("bare"); }

  var toastTimer;
  function toast(msg) {
    var t = doc.getElementById("toast");
    if (!t) return;
    t.textContent = msg;
    t.classList.add("show");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.classList.remove("show"); }, 5000);
  }

  /* Notes ------------------------------------------------------------ */

  var opened = []; // notes opened in place, most recent last

  // inMargin reports whether a note stands in the margin (and so needs no
  // opening); the stylesheet decides.
  function inMargin(sn) {
    return getComputedStyle(sn).cssFloat !== "none" && getComputedStyle(sn).display !== "none";
  }

  // copyNote copies an endnote's body into a sidenote, turning its blocks
  // into spans (a sidenote stands inside a paragraph) and dropping ids
  // (the endnote keeps them, so links to them still land).
  function copyNote(from, to) {
    var first = true;
    Array.prototype.forEach.call(from.childNodes, function (n) {
      var c = n.cloneNode(true);
      if (c.nodeType === 1 && /^(P|DIV|BLOCKQUOTE|UL|OL|LI)$/.test(c.tagName)) {
        var s = el("span", "np " + c.tagName.toLowerCase() + (first ? " first" : ""));
        first = false;
        while (c.firstChild) s.appendChild(c.firstChild);
        c = s;
      }
      to.appendChild(c);
    });
    Array.prototype.forEach.call(to.querySelectorAll("[id]"), function (e) { e.removeAttribute("id"); });
  }

  function setupNotes() {
    var made = {};
    Array.prototype.forEach.call(doc.querySelectorAll("article.text a.noteref[href^='#']"), function (ref) {
      var id = ref.getAttribute("href").slice(1);
      var note = doc.getElementById(id);
      var body = note && note.querySelector(".note-body");
      if (!body || made[id]) return;
      made[id] = true;
      var series = ref.classList.contains("editor") ? "editor" : ref.classList.contains("unnumbered") ? "unnumbered" : "author";
      var sn = el("span", "sidenote " + series);
      sn.id = "sn-" + id;
      sn.setAttribute("role", "doc-footnote");
      sn.setAttribute("aria-label", ref.getAttribute("aria-label") || "Note");
      var mark = el("span", "sn-mark", ref.textContent);
      mark.setAttribute("aria-hidden", "true");
      sn.appendChild(mark);
      copyNote(body, sn);
      ref.parentNode.insertBefore(sn, ref.nextSibling);
      ref.setAttribute("aria-controls", sn.id);
      if (ref.closest(".chapter-header")) titleNotes.push({ref: ref, sn: sn});
    });
    if (titleNotes.length && window.ResizeObserver) {
      var ro = new ResizeObserver(placeTitleNotes);
      Array.prototype.forEach.call(doc.querySelectorAll("article.text > .chapter-header, article.text > .toc"), function (e) { ro.observe(e); });
    }
    syncNotes();
  }

  // The notes the chapter's title calls, each {ref, sn}. In the margin, such a note stands
  // after the table of contents, drawn up beside the title: inside the
  // heading, its links would come before the contents in the keyboard's
  // order. Opened in place, it stays under the title.
  var titleNotes = [];
  function placeTitleNotes() {
    var art = doc.querySelector("article.text");
    var after = art && (art.querySelector(":scope > .toc") || art.querySelector(":scope > .chapter-header"));
    titleNotes.forEach(function (t) {
      var ref = t.ref, sn = t.sn;
      sn.style.marginTop = "";
      if (!inMargin(sn) || !after) {
        if (ref.nextSibling !== sn) ref.parentNode.insertBefore(sn, ref.nextSibling);
        return;
      }
      // After the contents and after the title's notes before it.
      if (after.nextSibling !== sn) after.parentNode.insertBefore(sn, after.nextSibling);
      after = sn;
      // Its top margin apart from the reference, as beside a line.
      var mt = parseFloat(getComputedStyle(sn).marginTop);
      sn.style.marginTop = (2 * mt - sn.getBoundingClientRect().top + ref.getBoundingClientRect().top) + "px";
    });
  }

  // syncNotes places the title's notes and marks each reference as a
  // disclosure only where its note opens in place.
  function syncNotes() {
    placeTitleNotes();
    Array.prototype.forEach.call(doc.querySelectorAll("a.noteref[aria-controls]"), function (ref) {
      var sn = doc.getElementById(ref.getAttribute("aria-controls"));
      if (inMargin(sn)) ref.removeAttribute("aria-expanded");
      else ref.setAttribute("aria-expanded", sn.classList.contains("open") ? "true" : "false");
    });
  }

  function setOpen(ref, sn, open) {
    sn.classList.toggle("open", open);
    ref.setAttribute("aria-expanded", open ? "true" : "false");
    opened = opened.filter(function (r) { return r !== ref; });
    if (open) opened.push(ref);
  }

  function noteClick(ev, ref) {
    var sn = doc.getElementById(ref.getAttribute("aria-controls"));
    if (!sn) return;
    ev.preventDefault();
    if (inMargin(sn)) {
      sn.classList.remove("flash");
      void sn.offsetWidth; // restart the animation
      sn.classList.add("flash");
      return;
    }
    setOpen(ref, sn, !sn.classList.contains("open"));
  }

  function closeLastNote() {
    var ref = opened.pop();
    if (!ref) return false;
    var sn = doc.getElementById(ref.getAttribute("aria-controls"));
    if (sn) sn.classList.remove("open");
    ref.setAttribute("aria-expanded", "false");
    ref.focus();
    return true;
  }

  /* Previews ---------------------------------------------------------- */

  var cards = window.editionPreviews || {};
  var base = root.getAttribute("data-root") || "";
  var card, cardFor = null, showTimer, hideTimer, dismissed = null, touchedAt = 0;
  var SHOW_DELAY = 350, HIDE_DELAY = 300;

  function makeCard() {
    card = el("div", "preview");
    card.id = "preview";
    card.hidden = true;
    card.appendChild(el("p", "pv-kind"));
    card.appendChild(el("p", "pv-name"));
    var text = el("p", "pv-text");
    text.id = "preview-text";
    card.appendChild(text);
    var foot = el("p", "pv-foot");
    foot.appendChild(el("span", "pv-count"));
    foot.appendChild(el("a", "pv-link", "Open page"));
    card.appendChild(foot);
    card.addEventListener("pointerenter", function () { clearTimeout(hideTimer); clearTimeout(showTimer); });
    card.addEventListener("pointerleave", function (ev) { if (ev.pointerType !== "touch") scheduleHide(); });
    card.addEventListener("focusout", function (ev) { if (!card.contains(ev.relatedTarget) && ev.relatedTarget !== cardFor) scheduleHide(); });
    (doc.querySelector("main") || doc.body).appendChild(card);
  }

  function previewable(t) {
    var a = t && t.closest ? t.closest("a[data-ref]") : null;
    if (!a || !cards[a.getAttribute("data-ref")] || bare() && a.closest("article.text")) return null;
    return a;
  }

  function show(a) {
    var d = cards[a.getAttribute("data-ref")];
    if (!d) return;
    if (!card) makeCard();
    clearTimeout(hideTimer);
    card.querySelector(".pv-kind").textContent = d[1];
    card.querySelector(".pv-name").textContent = d[0];
    card.querySelector(".pv-text").textContent = d[2];
    card.querySelector(".pv-count").textContent = d[3];
    card.querySelector(".pv-link").href = base + d[4];
    card.querySelector(".pv-link").setAttribute("aria-label", "Open page on " + d[0]);
    if (cardFor && cardFor !== a) cardFor.removeAttribute("aria-describedby");
    cardFor = a;
    a.setAttribute("aria-describedby", "preview-text");
    card.hidden = false;
    place(a);
  }

  // place puts the card under the link's first line, or above it when
  // there is no room below, always inside the viewport. The card is
  // absolutely positioned: nothing else moves.
  function place(a) {
    var r = a.getClientRects()[0] || a.getBoundingClientRect();
    var w = card.offsetWidth, h = card.offsetHeight, gap = 8;
    var top = r.bottom + gap;
    if (top + h > window.innerHeight && r.top - gap - h > 0) top = r.top - gap - h;
    var left = Math.min(Math.max(r.left, gap), root.clientWidth - w - gap);
    card.style.top = (top + window.scrollY) + "px";
    card.style.left = (Math.max(left, gap) + window.scrollX) + "px";
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (card) card.hidden = true;
    if (cardFor) cardFor.removeAttribute("aria-describedby");
    cardFor = null;
  }
  function scheduleShow(a, delay) {
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    if (dismissed === a) return;
    showTimer = setTimeout(function () { show(a); }, delay);
  }
  function scheduleHide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }
  function shown(a) { return card && !card.hidden && cardFor === a; }

  function setupPreviews() {
    doc.addEventListener("pointerover", function (ev) {
      if (ev.pointerType === "touch") return;
      var a = previewable(ev.target);
      // Entering a link anew undoes an earlier Escape on it.
      if (a && !a.contains(ev.relatedTarget)) { dismissed = null; scheduleShow(a, SHOW_DELAY); }
    });
    doc.addEventListener("pointerout", function (ev) {
      if (ev.pointerType === "touch") return;
      var a = previewable(ev.target);
      if (!a || a.contains(ev.relatedTarget)) return;
      if (dismissed === a) dismissed = null;
      if (card && card.contains(ev.relatedTarget)) return;
      scheduleHide();
    });
    doc.addEventListener("focusin", function (ev) {
      var a = previewable(ev.target);
      if (a) { dismissed = null; scheduleShow(a, SHOW_DELAY); }
    });
    doc.addEventListener("focusout", function (ev) {
      var a = previewable(ev.target);
      if (a && !(card && card.contains(ev.relatedTarget))) scheduleHide();
    });
    doc.addEventListener("pointerdown", function (ev) {
      if (ev.pointerType === "touch") touchedAt = Date.now();
      if (card && !card.hidden && !card.contains(ev.target) && !(cardFor && cardFor.contains(ev.target))) hide();
    });
    window.addEventListener("resize", hide);
  }

  // previewClick: on a touch screen the first tap on a link shows its card
  // and the second follows it.
  function previewClick(ev, a) {
    if (Date.now() - touchedAt > 1000 || shown(a)) return;
    ev.preventDefault();
    dismissed = null;
    show(a);
  }

  /* Passages ---------------------------------------------------------- */

  function citeURL(id) {
    var c = doc.querySelector("link[rel='canonical']");
    return (c ? c.href : location.href).split("#")[0] + "#" + id;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }
  function legacyCopy(text) {
    return new Promise(function (ok, fail) {
      var ta = el("textarea");
      ta.value = text;
      ta.setAttribute("readonly", "");
      ta.className = "vh";
      doc.body.appendChild(ta);
      ta.select();
      var done = false;
      try { done = doc.execCommand("copy"); } catch (e) { /* unsupported */ }
      ta.remove();
      if (done) ok(); else fail(new Error("copy refused"));
    });
  }

  function setupCite() {
    var art = doc.querySelector("article[data-citation]");
    if (!art) return;
    Array.prototype.forEach.call(art.querySelectorAll(".body p > .pnum"), function (pn) {
      var b = el("button", "cite-btn", "Cite");
      b.type = "button";
      b.setAttribute("aria-label", "Cite paragraph " + pn.textContent.trim());
      b.setAttribute("data-p", pn.textContent.trim());
      b.setAttribute("data-id", pn.getAttribute("href").slice(1));
      pn.parentNode.insertBefore(b, pn.nextSibling);
    });
    art.addEventListener("click", function (ev) {
      var b = ev.target.closest(".cite-btn");
      if (!b) return;
      var text = art.getAttribute("data-citation").replace("{p}", b.getAttribute("data-p")).replace("{url}", citeURL(b.getAttribute("data-id")));
      copyText(text).then(function () { toast("Citation copied: " + text); },
        function () { toast("Copy this citation: " + text); });
    });
  }

  /* Reading options ---------------------------------------------------- */

  function syncBare() {
    var on = !bare(), annot = doc.getElementById("tool-annotations");
    if (annot) annot.setAttribute("aria-pressed", on ? "true" : "false");
    // In the bare text, mentions are words, not stops on the way.
    Array.prototype.forEach.call(doc.querySelectorAll("article.text a.mention, article.text .citation a, article.text a.cite.in-text"), function (a) {
      if (on) a.removeAttribute("tabindex"); else a.setAttribute("tabindex", "-1");
    });
    hide();
    syncNotes();
  }

  function setupOptions() {
    var annot = doc.getElementById("tool-annotations"), theme = doc.getElementById("tool-theme");
    if (annot) annot.addEventListener("click", function () {
      root.classList.toggle("bare");
      store("edition-annotations", bare() ? "off" : null);
      syncBare();
      toast(bare() ? "Annotations hidden: the bare text" : "Annotations shown");
    });
    if (theme) theme.addEventListener("click", function () {
      var order = ["", "light", "dark"], cur = root.getAttribute("data-theme") || "";
      var next = order[(order.indexOf(cur) + 1) % order.length];
      if (next) root.setAttribute("data-theme", next); else root.removeAttribute("data-theme");
      store("edition-theme", next || null);
    });
    setupOptionsToggle();
    syncBare();
  }

  /* The row of links ------------------------------------------------------ */

  // placeNav scrolls the site's row of links, where it scrolls, so that
  // the link to the page's own section is whole in view, and the link
  // before it too where both fit: the link before starts the row then,
  // else the page's own link does, each at the row's scroll padding where
  // there is room for it (nearer the edge where there is not). The row
  // scrolled to its end would begin with a part of a link (that style.css
  // hides) unless the links happen to fill it: placeNav keeps room after
  // the last link, as little as lets the row's end begin with a whole
  // one, for the page's own link and for the reader who scrolls there.
  // style.css asks for the first case of the browser before the first
  // paint; this settles the others, and browsers without
  // scroll-initial-target.
  function placeNav() {
    var nav = doc.querySelector(".site-nav"), ul = nav && nav.querySelector("ul"), cur = nav && nav.querySelector("a[aria-current]");
    if (!ul) return;
    ul.style.paddingInlineEnd = "";
    if (nav.scrollWidth <= nav.clientWidth) return;
    var pad = parseFloat(getComputedStyle(nav).scrollPaddingLeft) || 0, room = nav.clientWidth;
    // Where e stands along the row, as if it were not scrolled.
    var box = function (e) {
      var r = e.getBoundingClientRect(), left = nav.getBoundingClientRect().left + nav.clientLeft - nav.scrollLeft;
      return {start: r.left - left, end: r.right - left};
    };
    // Where the row begins with a whole link: each link's start, less the
    // scroll padding.
    var rests = [].map.call(ul.children, function (li) { return box(li).start - pad; });
    var last = nav.scrollWidth - room, end = last;
    for (var i = 0; i < rests.length; i++) if (rests[i] >= last - 0.5) { end = rests[i]; break; }
    if (end > last) ul.style.paddingInlineEnd = end - last + "px";
    if (!cur) return;
    var c = box(cur), prev = cur.parentNode.previousElementSibling, p = prev && box(prev);
    var from = p && c.end - p.start <= room ? p.start : c.start;
    nav.scrollLeft = Math.min(end, from - Math.max(0, Math.min(pad, (room - (c.end - from)) / 2)));
  }

  // setupOptionsToggle makes the "Aa" button, shown only where space is
  // short (style.css), show and hide the reading options under it: a
  // second press, Escape or a click elsewhere hides them, Escape giving the
  // focus back to the button.
  function setupOptionsToggle() {
    var toggle = doc.querySelector(".tools-toggle"), box = toggle && toggle.parentNode;
    if (!toggle) return;
    function open() { return toggle.getAttribute("aria-expanded") === "true"; }
    function set(on) { toggle.setAttribute("aria-expanded", on ? "true" : "false"); }
    toggle.addEventListener("click", function () { set(!open()); });
    box.addEventListener("keydown", function (ev) {
      if ((ev.key !== "Escape" && ev.key !== "Esc") || !open()) return;
      ev.preventDefault();
      set(false);
      toggle.focus();
    });
    doc.addEventListener("click", function (ev) {
      if (open() && !box.contains(ev.target)) set(false);
    });
  }

  /* Wiring -------------------------------------------------------------- */

  function init() {
    setupNotes();
    setupCite();
    setupPreviews();
    setupOptions();
    placeNav();
    doc.addEventListener("click", function (ev) {
      if (!ev.target.closest) return;
      var ref = ev.target.closest("a.noteref[aria-controls]");
      if (ref) { noteClick(ev, ref); return; }
      var a = previewable(ev.target);
      if (a) previewClick(ev, a);
    });
    doc.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape" && ev.key !== "Esc") return;
      if (card && !card.hidden) { dismissed = cardFor; hide(); return; }
      // In a field (the search box) Escape is the field's: closing a note
      // from there would take the focus away from what the reader types.
      if (ev.defaultPrevented || ev.target.closest && ev.target.closest("input, textarea, select")) return;
      if (closeLastNote()) ev.preventDefault();
    });
    var onChange = function () { syncNotes(); };
    // A phone turned, a window made narrower: the row's room changes
    // (not when a phone's address bar comes and goes, which changes only
    // the height).
    var navWidth = window.innerWidth;
    window.addEventListener("resize", function () {
      if (window.innerWidth !== navWidth) { navWidth = window.innerWidth; placeNav(); }
    });
    if (wide.addEventListener) wide.addEventListener("change", onChange);
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
