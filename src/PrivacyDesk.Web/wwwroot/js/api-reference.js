// The API reference page (Scalar): a neutral placeholder in the API key field, where the bundle ships a base64 joke.
(function () {
    "use strict";
    var neutral = "pdk_… (your API key)";
    var joke = "QUxMIFlPVVIgQkFTRSBBUkUgQkVMT05HIFRPIFVT";
    function fix(root) {
        root.querySelectorAll("input[placeholder='" + joke + "']").forEach(function (input) { input.placeholder = neutral; });
    }
    function start() {
        fix(document);
        // Scalar renders (and re-renders the auth form) after load: fix every input it adds.
        new MutationObserver(function () { fix(document); }).observe(document.body, { childList: true, subtree: true });
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
