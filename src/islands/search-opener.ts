import searchDialog from './search-dialog?chunk-url';

/**
 * Shows the header's search button and opens the search from it, from "/" and from Ctrl+K
 * (⌘K). This is all that loads with the page; the search itself and Pagefind load on first open.
 */
export function enableSearchOpener(): void {
	const button = document.querySelector<HTMLButtonElement>('button[data-search-open]');
	if (!button) return;
	button.hidden = false;
	const open = () => void (import(/* @vite-ignore */ searchDialog) as Promise<typeof import('./search-dialog')>).then(({ openSearch }) => openSearch(button));
	button.addEventListener('click', open);
	addEventListener('keydown', (event) => {
		// In a text field "/" is a character (text fields have a selectionStart; tick boxes have null).
		const target = event.target as HTMLInputElement;
		const typing = target.selectionStart != null || target.isContentEditable;
		const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing;
		const controlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
		if (!slash && !controlK) return;
		event.preventDefault();
		open();
	});
}
