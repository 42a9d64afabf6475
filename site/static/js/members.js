/*
 * Membership forms: move focus to the error summary, and hide fields that do not apply
 * (the organisation number of a sole trader, the municipalities of an organisation that
 * works in the whole county). Without this file every field simply stays visible.
 */
(function () {
  "use strict";

  Klimatradet.register("error-summary", function (summary) {
    summary.focus();
  });

  function toggles(form, checkboxName, targetName) {
    var checkbox = form.querySelector('input[name="' + checkboxName + '"]');
    var target = form.querySelector('[name="' + targetName + '"]');
    if (!checkbox || !target) {
      return;
    }
    var wrapper = target.closest(".field");
    if (!wrapper) {
      return;
    }
    function update() {
      // A field with an error stays visible: the error summary links to it.
      wrapper.hidden = checkbox.checked && !wrapper.classList.contains("field--error");
    }
    checkbox.addEventListener("change", update);
    update();
  }

  Klimatradet.register("member-form", function (form) {
    toggles(form, "is_sole_trader", "org_number");
    toggles(form, "serves_whole_county", "served_municipalities");
  });
})();
