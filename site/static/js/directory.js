/*
 * Directory and opportunity search: new results without a full page load.
 *
 * Without this file the search is a plain GET form and every state is a URL. With it,
 * changing a filter fetches that same URL, swaps in the results, the facet counts and the
 * sort options, records the URL in the history (back and forward work) and announces the
 * new number of results to screen readers. Focus stays where the user was.
 */
(function () {
  "use strict";

  if (!window.Klimatradet || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }

  const REGIONS = ["[data-search-results]", "[data-search-facets]", "[data-search-sort]"];

  window.Klimatradet.register("directory-search", function (root) {
    const form = root.querySelector("[data-search-form]");
    const status = root.querySelector("[data-search-status]");
    if (!form) {
      return;
    }
    let controller = null;
    let timer = null;

    // The same URL the server calls canonical: q, the filters, then a sort order that is
    // not the default (relevance with a query, the page's own default without).
    function formUrl() {
      const params = new URLSearchParams();
      let sort = "";
      new FormData(form).forEach(function (value, key) {
        if (typeof value !== "string" || value.trim() === "") {
          return;
        }
        if (key === "sort") {
          sort = value;
        } else {
          params.append(key, value.trim());
        }
      });
      // Keep a sort order the visitor chose (now or before); a preselected one follows the
      // state, so a new query is sorted by relevance.
      const select = form.elements.namedItem("sort");
      const chosen =
        select &&
        (select.dataset.explicit === "1" || !select.selectedOptions[0].defaultSelected);
      const defaultSort = params.get("q") ? "relevance" : select && select.dataset.defaultSort;
      if (sort && chosen && sort !== defaultSort) {
        params.append("sort", sort);
      }
      const query = params.toString();
      return form.action.split("?")[0] + (query ? "?" + query : "");
    }

    function announce(text) {
      if (!status) {
        return;
      }
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = text;
      }, 50);
    }

    // restoring: Back or Forward, where the box must show that state's text even when
    // it has focus; otherwise text the visitor is typing is left alone.
    function swap(doc, focusResults, restoring) {
      const activeId = document.activeElement && document.activeElement.id;
      const openFacets = Array.from(root.querySelectorAll("details[data-facet][open]")).map(
        function (el) {
          return el.dataset.facet;
        }
      );
      REGIONS.forEach(function (selector) {
        const current = root.querySelector(selector);
        const fresh = doc.querySelector(selector);
        if (current && fresh) {
          current.replaceWith(document.importNode(fresh, true));
        }
      });
      openFacets.forEach(function (name) {
        const details = root.querySelector('details[data-facet="' + name + '"]');
        if (details) {
          details.open = true;
        }
      });
      // The text of the state shown, from the fetched page's own search form: the page
      // has other boxes named q (the header's site search comes first).
      const freshForm = doc.querySelector("[data-search-form]");
      const query = freshForm && freshForm.elements.namedItem("q");
      const input = form.elements.namedItem("q");
      if (query && input && (restoring || document.activeElement !== input)) {
        input.value = query.value;
      }
      if (doc.title) {
        document.title = doc.title;
      }
      const robots = doc.querySelector('meta[name="robots"]');
      const ownRobots = document.querySelector('meta[name="robots"]');
      if (ownRobots) {
        ownRobots.remove();
      }
      if (robots) {
        document.head.appendChild(document.importNode(robots, true));
      }
      const summary = root.querySelector("[data-search-summary]");
      if (summary) {
        announce(summary.textContent.trim());
      }
      const again = activeId && document.getElementById(activeId);
      if (focusResults && summary) {
        summary.focus();
      } else if (again) {
        again.focus();
      }
    }

    function load(url, options) {
      const push = !options || options.push !== false;
      const focusResults = options && options.focusResults;
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      const results = root.querySelector("[data-search-results]");
      if (results) {
        results.setAttribute("aria-busy", "true");
      }
      fetch(url, {
        headers: { Accept: "text/html" },
        credentials: "same-origin",
        signal: controller.signal,
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          const doc = new DOMParser().parseFromString(html, "text/html");
          if (push) {
            window.history.pushState({ directorySearch: true }, "", url);
          }
          swap(doc, focusResults, !push);
        })
        .catch(function (error) {
          if (error.name !== "AbortError") {
            window.location.assign(url);
          }
        })
        .finally(function () {
          const current = root.querySelector("[data-search-results]");
          if (current) {
            current.removeAttribute("aria-busy");
          }
        });
    }

    form.addEventListener("change", function (event) {
      if (event.target === form.elements.namedItem("q")) {
        return; // text is searched on submit (Enter or the button)
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        load(formUrl());
      }, 200);
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      load(formUrl(), { focusResults: true });
    });

    root.addEventListener("click", function (event) {
      const link = event.target.closest("a[href]");
      if (!link || !root.querySelector("[data-search-results]").contains(link)) {
        return;
      }
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button) {
        return;
      }
      const target = new URL(link.href, window.location.href);
      const base = new URL(form.action, window.location.href);
      if (target.origin !== base.origin || target.pathname !== base.pathname) {
        return; // an organisation, a download: follow it
      }
      event.preventDefault();
      load(target.href, { focusResults: true });
    });

    window.addEventListener("popstate", function () {
      load(window.location.href, { push: false });
    });
  });
})();
