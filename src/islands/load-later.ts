/**
 * Loads the module at `url` (a `?chunk-url` import) once an element matching `selector` comes
 * within a window's height of the view, or when the browser is idle, whichever is first: its
 * script is not part of what loads with the page.
 */
export function loadLater(selector: string, url: string): void {
	const element = document.querySelector(selector);
	if (!element) return;
	let loaded = false;
	const load = () => {
		if (loaded) return;
		loaded = true;
		observer.disconnect();
		void import(/* @vite-ignore */ url);
	};
	const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && load(), { rootMargin: '100% 0px' });
	observer.observe(element);
	(window.requestIdleCallback ?? setTimeout)(load);
}
