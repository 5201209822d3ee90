// The scripts of a procedure page, in one file (each file a page loads costs more than its
// bytes): ticks and progress (<step-progress>), the steps' links, the Admin-language choice.
// The key check's script loads after the page (it is one step of many).
import './step-progress';
import { rememberAdminLanguage } from './admin-language';
import keyCheck from './key-check?chunk-url';
import { loadLater } from './load-later';
import { enableStepLinks } from './step-links';

rememberAdminLanguage();
enableStepLinks();
loadLater('key-check', keyCheck);
