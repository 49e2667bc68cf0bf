/* Multi-selects marked data-searchable become select2 boxes one can type into (select2 and
   jQuery ship with Django's admin). Without JavaScript they stay plain multi-selects. */
(function () {
  "use strict";
  var $ = window.django && window.django.jQuery;
  if (!$ || !$.fn.select2) { return; }
  $(function () {
    $("select[data-searchable]").each(function () {
      $(this).select2({ width: "100%", placeholder: $(this).data("placeholder") || "" });
    });
  });
})();
