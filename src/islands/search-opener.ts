import searchDialog from './search-dialog?chunk-url';

/**
 * Shows the header's search button and opens the search from it, from "/" and from Ctrl+K
 * (⌘K). This is all that loads with the page: the dialog is in the HTML, and what makes it
 * search (and Pagefind) loads on first open.
 */
export function enableSearchOpener(): void {
	const button = document.querySelector<HTMLButtonElement>('[data-search-open]');
	const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
	if (!button || !dialog) return;
	button.hidden = false;
	const open = () => {
		// At once, so that what is typed while the search loads goes into its field.
		if (!dialog.open) dialog.showModal();
		dialog.querySelector('input')!.select();
		(import(/* @vite-ignore */ searchDialog) as Promise<typeof import('./search-dialog')>).then(
			({ enableSearch }) => enableSearch(dialog, button),
			() => (dialog.querySelector('[role=status]')!.textContent = dialog.dataset.unavailable ?? ''),
		);
	};
	button.addEventListener('click', open);
	addEventListener('keydown', (event) => {
		// In a text field "/" is a character (text fields have a selectionStart; tick boxes have null).
		const target = event.target as HTMLInputElement;
		const typing = target.selectionStart != null || target.isContentEditable;
		const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typing;
		const controlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
		if (!slash && !controlK) return;
		event.preventDefault();
		open();
	});
}
