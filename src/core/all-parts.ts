/**
 * The core whole: imported for its effect, it gives the core the parts the task pane fetches after
 * its first load (src/taskpane/office-host.ts): the 综合得分 layout and the English finding messages.
 * Every other host that analyses (src/xlsx/analyze-read.ts: the command line and the page's worker)
 * and the tests import it.
 */
import { setSummaryLayout } from "./analyze";
import { setEnglishMessages } from "./messages";
import { EN_MESSAGES } from "./messages-en";
import { buildSummary } from "./summary";

// Called through the module's binding, so that a test's spy on buildSummary sees the calls.
setSummaryLayout((input) => buildSummary(input));
setEnglishMessages(EN_MESSAGES);
