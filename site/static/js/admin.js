// The site's additions to the Wagtail admin (core/wagtail_hooks.py).
//
// Wagtail's tag box (core/tags.py) hides the labelled <input> and lets its script type
// into a new, unlabelled one: screen readers announced an anonymous text box. Name the
// new box by the field's label, for every tag box on the page, now and as panels add them.
(() => {
  const nameTagBoxes = (root) => {
    root.querySelectorAll("input[data-controller~='w-tag']").forEach((original) => {
      const typed = original.parentElement?.querySelector(".tagit-new input");
      const label = document.getElementById(`${original.id}-label`);
      if (typed && label && !typed.hasAttribute("aria-labelledby")) {
        typed.setAttribute("aria-labelledby", label.id);
      }
    });
  };
  new MutationObserver(() => nameTagBoxes(document)).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  document.addEventListener("DOMContentLoaded", () => nameTagBoxes(document));
})();
