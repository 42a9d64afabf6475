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

  /*
   * The header's menu on a phone: the "Meny" link (which without JavaScript jumps to the
   * menu) becomes a disclosure button. Escape inside the header closes the menu and puts
   * focus back on the button; an Escape that another widget used (the search box's
   * suggestions) is left alone. On wide screens the CSS shows the menu and hides the button.
   */
  modules.menu = function (link) {
    const panel = document.getElementById(link.hash.slice(1));
    if (!panel) {
      return;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", panel.id);
    button.append(...link.childNodes);
    link.replaceWith(button);
    panel.classList.add("is-enhanced");

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      panel.classList.toggle("is-open", open);
    }

    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    (button.closest("header") || document).addEventListener("keydown", function (event) {
      if (
        event.key === "Escape" &&
        !event.defaultPrevented &&
        button.getAttribute("aria-expanded") === "true"
      ) {
        setOpen(false);
        button.focus();
      }
    });
  };

  /*
   * A GET form (a listing's filters) sends only the fields that have a value, so the
   * address is the listing's own (no "q=&"). Without this file the server ignores them.
   */
  modules["clean-query"] = function (form) {
    form.addEventListener("submit", function () {
      Array.from(form.elements).forEach(function (field) {
        if (field.name && !field.disabled && typeof field.value === "string" && !field.value.trim()) {
          field.disabled = true;
        }
      });
      // Enabled again for the page kept in the back/forward cache.
      window.setTimeout(function () {
        Array.from(form.elements).forEach(function (field) {
          field.disabled = false;
        });
      }, 0);
    });
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
