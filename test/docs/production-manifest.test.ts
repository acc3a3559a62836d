/**
 * `npm run build` writes dist/manifest.xml for the address set in JIXIAO_URL_PROD (README, "The
 * Excel add-in"): every URL the manifest gives Office points there, and its comment, which says
 * what the dev server's address is and that the build rewrites it, still names the dev server
 * (review round 52d M6).
 */
import { readFileSync } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

interface CopyPattern {
  from: string;
  transform?: (content: Buffer) => string | Buffer;
}

/** The manifest as the production build writes it, with JIXIAO_URL_PROD set to `url`. */
async function builtManifest(url: string): Promise<string> {
  const saved = process.env.JIXIAO_URL_PROD;
  process.env.JIXIAO_URL_PROD = url;
  try {
    const configPath = path.join(ROOT, "webpack.config.js");
    let makeConfig: (env: object, options: { mode: string }) => Promise<{ plugins: { patterns?: CopyPattern[] }[] }>;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      makeConfig = require(configPath);
    });
    const config = await makeConfig!({}, { mode: "production" });
    const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest*.xml")!;
    return pattern.transform!(readFileSync(path.join(ROOT, "manifest.xml"))).toString();
  } finally {
    if (saved === undefined) delete process.env.JIXIAO_URL_PROD;
    else process.env.JIXIAO_URL_PROD = saved;
  }
}

it("points every URL of the production manifest at JIXIAO_URL_PROD, and leaves its comment naming the dev server", async () => {
  const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const built = await builtManifest("https://jixiao.example.gov.cn/addin/");
  const comment = (xml: string) => xml.slice(xml.indexOf("<!--"), xml.indexOf("-->"));
  expect(comment(built)).toBe(comment(source));
  expect(comment(built)).toContain("https://localhost:3000/ is the dev server");
  const body = built.slice(built.indexOf("-->"));
  expect(body).not.toContain("localhost");
  expect(body).toContain('<SourceLocation DefaultValue="https://jixiao.example.gov.cn/addin/taskpane.html"/>');
  expect(body).toContain('<SupportUrl DefaultValue="https://jixiao.example.gov.cn/addin/help.html"/>');
  const urls = source.slice(source.indexOf("-->")).match(/https:\/\/localhost:3000\//g)!.length;
  expect(body.match(/https:\/\/jixiao\.example\.gov\.cn\/addin\//g)!.length).toBe(urls);
});
