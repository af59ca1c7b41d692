// Small browser helpers called from Blazor through JS interop.
window.privacyDesk = {
    // The theme choice is a preference, not personal data: a first-party cookie read at the next page load.
    setTheme: function (mode) {
        document.cookie = "PrivacyDesk.Theme=" + (mode === "dark" ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
    }
};
