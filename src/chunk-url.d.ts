// Imports with ?chunk-url (src/integrations/chunk-url.ts) give the URL of a separately built module.
declare module '*?chunk-url' {
	const url: string;
	export default url;
}
