/*
 * Progressive enhancement for the site. Every page works without this file;
 * features register themselves by data attribute so pages only pay for what they use.
 */
(function () {
  "use strict";

  const modules = {};

  window.Klimatradet = {
    register(name, init) {
      modules[name] = init;
    },
  };

  function start() {
    document.querySelectorAll("[data-module]").forEach(function (element) {
      element.dataset.module.split(/\s+/).forEach(function (name) {
        if (modules[name]) {
          modules[name](element);
        }
      });
    });
  }

  // Deferred scripts all run before DOMContentLoaded, so modules in later files are registered.
  if (document.readyState === "complete") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
