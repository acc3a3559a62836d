/**
 * The core whole for every test, as the command line and the page's worker have it
 * (src/core/all-parts.ts): the parts the task pane fetches after its first load given at once.
 * Tests of the pane's own fetching take a fresh module registry (jest.isolateModules).
 */
import "../src/core/all-parts";
