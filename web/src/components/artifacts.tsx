/**
 * The three artifacts as a person reads them: the long copy (streaming while it is written),
 * social posts as platform cards measured the platform's way, and the poster with its alt
 * text, palette contrast and other concepts. Findings' words are marked in place.
 */
import type { KeyedSpan } from "../lib/highlight";
import { contrastRatio, formatRatio, grade, parseHex } from "../lib/contrast";
import { readField } from "../lib/fields";
import { PLATFORM_SPECS, measure } from "../lib/platforms";
import type { CopyData, PosterConcept, ShortCopyData, ShortPost, VisualData } from "../lib/types";
import { HighlightedText } from "./HighlightedText";

export type Marks = Record<string, KeyedSpan[]>;

interface FieldProps {
  data: unknown;
  path: string;
  marks: Marks;
  selected: string | null;
}

function FieldText({ data, path, marks, selected }: FieldProps) {
  const text = readField(data, path) ?? "";
  return <HighlightedText text={text} spans={marks[path] ?? []} selected={selected} />;
}

export function CopyView({ data, marks, selected }: { data: CopyData; marks: Marks; selected: string | null }) {
  const props = { data, marks, selected };
  return (
    <div className="copy">
      <h3 className="field-label">Headlines</h3>
      <ol className="headlines">
        {data.headlines.map((_, i) => (
          <li key={i}>
            <FieldText {...props} path={`headlines[${i}]`} />
          </li>
        ))}
      </ol>
      <h3 className="field-label">Short body</h3>
      <p className="prose"><FieldText {...props} path="bodyShort" /></p>
      <h3 className="field-label">Medium body</h3>
      <p className="prose"><FieldText {...props} path="bodyMedium" /></p>
      <h3 className="field-label">Long body</h3>
      <p className="prose prose-long"><FieldText {...props} path="bodyLong" /></p>
      <h3 className="field-label">Calls to action</h3>
      <ul className="ctas">
        {data.callsToAction.map((_, i) => (
          <li key={i} className="cta"><FieldText {...props} path={`callsToAction[${i}]`} /></li>
        ))}
      </ul>
      <h3 className="field-label">Tone</h3>
      <p className="muted"><FieldText {...props} path="toneSummary" /></p>
    </div>
  );
}

const PLATFORM_HANDLE: Record<string, string> = {
  X: "@brand · now",
  Instagram: "brand",
  LinkedIn: "Brand · Promoted",
  Facebook: "Brand · Sponsored",
  Threads: "brand",
};

function PostCard({ post, index, variant, marks, selected, data }: {
  post: ShortPost; index: number; variant: number; marks: Marks; selected: string | null; data: ShortCopyData;
}) {
  const m = measure(post.text, post.platform);
  const spec = PLATFORM_SPECS[post.platform];
  const unit = spec.counting === "weighted" ? "weighted characters" : "characters";
  const label = `${post.platform} variant ${variant}`;
  return (
    <article className={`post post-${post.platform.toLowerCase()}${m.overLimit || m.tooManyHashtags ? " post-over" : ""}`} aria-label={label}>
      <header className="post-head">
        <span className="avatar" aria-hidden="true">{post.platform.slice(0, 1)}</span>
        <span className="post-who">
          <strong>{post.platform}</strong> <span className="muted">{PLATFORM_HANDLE[post.platform]}</span>
        </span>
        <span className="post-variant muted">#{variant}</span>
      </header>
      <p className="post-text"><FieldText data={data} path={`posts[${index}].text`} marks={marks} selected={selected} /></p>
      <footer className="post-foot">
        <span className={m.overLimit ? "count count-over" : "count"}>
          {m.count.toLocaleString()} / {m.limit.toLocaleString()} {unit}
          {m.overLimit ? ` — over the limit by ${(m.count - m.limit).toLocaleString()}` : ""}
        </span>
        {m.maxHashtags !== null && (
          <span className={m.tooManyHashtags ? "count count-over" : "count"}>
            {m.hashtags.length} / {m.maxHashtags} hashtags{m.tooManyHashtags ? " — too many" : ""}
          </span>
        )}
        {(m.overLimit || m.tooManyHashtags) && <span className="tag tag-bad">Over limit</span>}
      </footer>
    </article>
  );
}

export function ShortCopyView({ data, marks, selected }: { data: ShortCopyData; marks: Marks; selected: string | null }) {
  const counters: Record<string, number> = {};
  const cards = data.posts.map((post, index) => {
    counters[post.platform] = (counters[post.platform] ?? 0) + 1;
    return { post, index, variant: counters[post.platform] ?? 1 };
  });
  const platforms = [...new Set(data.posts.map((p) => p.platform))];
  return (
    <div className="posts">
      {platforms.map((platform) => (
        <section key={platform} className="platform-group" aria-label={`${platform} posts`}>
          <h3 className="field-label">{platform}</h3>
          <div className="post-grid">
            {cards.filter((c) => c.post.platform === platform).map((c) => (
              <PostCard key={c.index} {...c} marks={marks} selected={selected} data={data} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function Palette({ palette }: { palette: string[] }) {
  const background = palette[0] ?? "#FFFFFF";
  return (
    <table className="palette">
      <caption>Palette, contrast against the background {background}</caption>
      <thead>
        <tr><th scope="col">Colour</th><th scope="col">Hex</th><th scope="col">Contrast</th><th scope="col">WCAG</th></tr>
      </thead>
      <tbody>
        {palette.map((colour, i) => {
          const ratio = i === 0 ? null : contrastRatio(colour, background);
          return (
            <tr key={i}>
              <td><span className="swatch" style={parseHex(colour) ? { backgroundColor: colour } : undefined} aria-hidden="true" /></td>
              <td><code>{colour}</code>{i === 0 ? " (background)" : ""}</td>
              <td>{ratio === null ? "—" : formatRatio(ratio)}</td>
              <td>{ratio === null ? "—" : grade(ratio)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Concept({ concept, index, data, marks, selected }: { concept: PosterConcept; index: number; data: VisualData; marks: Marks; selected: string | null }) {
  const p = (field: string) => `concepts[${index}].${field}`;
  const props = { data, marks, selected };
  return (
    <div className="concept">
      <p className="concept-headline"><FieldText {...props} path={p("headline")} /></p>
      <p><FieldText {...props} path={p("subline")} /></p>
      <p><span className="cta cta-inline"><FieldText {...props} path={p("callToAction")} /></span></p>
      <h4 className="field-label">Alt text</h4>
      <p className="muted"><FieldText {...props} path={p("altText")} /></p>
      <h4 className="field-label">Layout</h4>
      <p className="muted">{concept.layout}</p>
      <p className="muted">Mood: {concept.mood.join(", ") || "—"} · Style: {concept.style.join(", ") || "—"}</p>
      <Palette palette={concept.palette} />
    </div>
  );
}

export function VisualView({ data, marks, selected }: { data: VisualData; marks: Marks; selected: string | null }) {
  const chosen = data.concepts[data.chosenIndex] ?? data.concepts[0];
  const src = data.pngUrl ?? data.svgUrl;
  return (
    <div className="visual">
      <div className="poster-row">
        {src && chosen ? (
          <figure className="poster">
            <img src={src} alt={chosen.altText} />
            <figcaption className="muted">
              Rendered poster{data.svgUrl ? <> · <a href={data.svgUrl}>SVG</a></> : null}
              {data.pngUrl ? <> · <a href={data.pngUrl}>PNG</a></> : null}
            </figcaption>
          </figure>
        ) : (
          <p className="muted">The poster has not been rendered.</p>
        )}
        {chosen && (
          <div>
            <h3 className="field-label">Chosen concept ({data.chosenIndex + 1} of {data.concepts.length})</h3>
            <Concept concept={chosen} index={data.chosenIndex} {...{ data, marks, selected }} />
          </div>
        )}
      </div>
      {data.concepts.length > 1 && (
        <details className="other-concepts" open={Object.keys(marks).some((k) => !k.startsWith(`concepts[${data.chosenIndex}]`))}>
          <summary>Other concepts ({data.concepts.length - 1})</summary>
          {data.concepts.map((concept, i) =>
            i === data.chosenIndex ? null : (
              <section key={i} aria-label={`Concept ${i + 1}`}>
                <h3 className="field-label">Concept {i + 1}</h3>
                <Concept concept={concept} index={i} {...{ data, marks, selected }} />
              </section>
            ),
          )}
        </details>
      )}
    </div>
  );
}
