// Rendering checks without a browser (react-dom/server): user and model text stays text,
// the selected finding's words are the one `highlight` mark, and an over-limit post says so.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CopyData, ShortCopyData } from "../lib/types";
import { CopyView, ShortCopyView } from "./artifacts";
import { HighlightedText } from "./HighlightedText";

const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>`;

describe("rendering", () => {
  it("renders markup in text as text, marks included", () => {
    const html = renderToStaticMarkup(
      <HighlightedText text={`Buy ${HOSTILE} now`} spans={[{ key: "a", start: 4, end: 4 + HOSTILE.length }]} selected="a" />,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toMatch(/<mark class="mark mark-selected" data-testid="highlight">&lt;script&gt;/);
  });

  it("marks only the selected finding as the highlight, others as plain marks", () => {
    const data: CopyData = {
      headlines: ["One", "Two", "Three"],
      bodyShort: "The best eco bottle",
      bodyMedium: "",
      bodyLong: "",
      callsToAction: ["a", "b", "c"],
      toneSummary: "",
      keywords: [],
    };
    const marks = { bodyShort: [{ key: "x", start: 4, end: 8 }, { key: "y", start: 9, end: 12 }] };
    const html = renderToStaticMarkup(<CopyView data={data} marks={marks} selected="y" />);
    expect(html.match(/data-testid="highlight"/g)).toHaveLength(1);
    expect(html).toContain('<mark class="mark">best</mark>');
    expect(html).toContain('data-testid="highlight">eco</mark>');
  });

  it("measures each post the platform's way and says when it is over the limit", () => {
    const data: ShortCopyData = {
      posts: [
        { platform: "X", text: "語".repeat(141), characterCount: 0, limit: 280, overLimit: false, hashtags: [] },
        { platform: "Threads", text: "short", characterCount: 5, limit: 500, overLimit: false, hashtags: [] },
      ],
    };
    const html = renderToStaticMarkup(<ShortCopyView data={data} marks={{}} selected={null} />);
    expect(html).toContain("282 / 280 weighted characters — over the limit by 2");
    expect(html).toContain("5 / 500 characters");
    expect(html.match(/Over limit/g)).toHaveLength(1);
  });
});
