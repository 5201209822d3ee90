// Sets the reader's color scheme before the page is drawn (see Layout.astro, color-scheme.ts).
try {
	var scheme = localStorage.getItem('walkthroughs:color-scheme');
	if (scheme === 'light' || scheme === 'dark') document.documentElement.dataset.scheme = scheme;
} catch {
	// Storage blocked: the system's scheme applies.
}
