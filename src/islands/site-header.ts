// The header's scripts, in one file: each file a page loads costs more than its bytes.
import { enableColorSchemePicker } from './color-scheme';
import { enableLanguagePicker } from './language-picker';
import { enableSearchOpener } from './search-opener';

enableSearchOpener();
enableColorSchemePicker();
enableLanguagePicker();
