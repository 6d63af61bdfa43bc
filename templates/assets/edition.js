// Progressive enhancement for reading the edition. Everything here is
// optional: without it, notes are endnotes with back-links and every
// link works.
(function () {
  "use strict";
})();
