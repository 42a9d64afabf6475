/*
 * Search suggestions for the header's search box: the ARIA 1.2 combobox pattern with a
 * listbox popup. Without this file the box is a plain search form.
 *
 * Keyboard: Down/Up move through the suggestions (opening the list), Enter opens the chosen
 * suggestion or, with none chosen, searches; Escape closes the list, or clears the box when
 * it is closed. A polite live region says how many suggestions there are.
 */
(function () {
  "use strict";

  const MIN_LENGTH = 2;
  const DELAY_MS = 200;

  function safeUrl(url) {
    return typeof url === "string" && /^(\/(?!\/)|https?:\/\/)/.test(url);
  }

  function init(form) {
    const input = form.querySelector("input[type='search']");
    const endpoint = form.dataset.autocompleteUrl;
    if (!input || !endpoint || !window.fetch) {
      return;
    }
    const listId = input.id + "-suggestions";
    const list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.dataset.autocompleteLabel || "");
    list.hidden = true;
    const status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    form.append(list, status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    let suggestions = [];
    let active = -1;
    let timer = null;
    let pending = null;
    let shownFor = "";

    function options() {
      return list.querySelectorAll("[role='option']");
    }

    function setActive(index) {
      active = index;
      options().forEach(function (option, i) {
        const selected = i === index;
        option.setAttribute("aria-selected", selected ? "true" : "false");
        if (selected) {
          input.setAttribute("aria-activedescendant", option.id);
          option.scrollIntoView({ block: "nearest" });
        }
      });
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function announce(count) {
      const template =
        count === 0
          ? form.dataset.autocompleteNone
          : count === 1
            ? form.dataset.autocompleteOne
            : form.dataset.autocompleteMany;
      status.textContent = (template || "").replace("%(count)s", String(count));
    }

    function go(index) {
      const suggestion = suggestions[index];
      if (suggestion && safeUrl(suggestion.url)) {
        window.location.assign(suggestion.url);
      }
    }

    function render(results) {
      suggestions = results.filter(function (item) {
        return item && typeof item.title === "string" && safeUrl(item.url);
      });
      list.replaceChildren();
      suggestions.forEach(function (item, index) {
        const option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const title = document.createElement("span");
        title.className = "autocomplete__title";
        title.textContent = item.title;
        option.append(title);
        if (item.type) {
          const type = document.createElement("span");
          type.className = "autocomplete__type";
          type.textContent = item.type;
          option.append(" ", type);
        }
        // Keep focus in the box when an option is clicked.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          go(index);
        });
        list.append(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length) {
        open();
      } else {
        close();
      }
      announce(suggestions.length);
    }

    function fetchSuggestions() {
      const query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        shownFor = "";
        suggestions = [];
        list.replaceChildren();
        close();
        status.textContent = "";
        return;
      }
      if (query === shownFor) {
        open();
        return;
      }
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(endpoint + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: pending.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (input.value.trim() !== query) {
            return;
          }
          shownFor = query;
          render(Array.isArray(data.results) ? data.results : []);
        })
        .catch(function () {
          /* aborted or offline: the plain search still works */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      const count = suggestions.length;
      switch (event.key) {
        case "ArrowDown":
          if (!count) {
            return;
          }
          event.preventDefault();
          if (list.hidden) {
            open();
            setActive(0);
          } else {
            setActive((active + 1) % count);
          }
          break;
        case "ArrowUp":
          if (!count) {
            return;
          }
          event.preventDefault();
          if (list.hidden) {
            open();
          }
          setActive(active <= 0 ? count - 1 : active - 1);
          break;
        case "Enter":
          if (!list.hidden && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (!list.hidden) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            shownFor = "";
            suggestions = [];
            list.replaceChildren();
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });
  }

  window.Klimatradet.register("autocomplete", init);
})();
