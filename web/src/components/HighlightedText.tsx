/**
 * A text with the findings' words marked. Text is always React text (never HTML); the
 * selected finding's words are the `highlight` mark, scrolled into view when selected.
 */
import { useEffect, useRef } from "react";
import { segments, type KeyedSpan } from "../lib/highlight";

export function HighlightedText({
  text,
  spans,
  selected,
}: {
  text: string;
  spans: readonly KeyedSpan[];
  selected: string | null;
}) {
  const ref = useRef<HTMLElement | null>(null);
  const parts = segments(text, spans);
  const hasSelected = selected !== null && parts.some((p) => p.keys.includes(selected));
  useEffect(() => {
    if (hasSelected) ref.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [hasSelected, selected]);
  let firstSelected = true;
  return (
    <>
      {parts.map((part, i) => {
        if (part.keys.length === 0) return <span key={i}>{part.text}</span>;
        const isSelected = selected !== null && part.keys.includes(selected);
        const attach = isSelected && firstSelected;
        if (isSelected) firstSelected = false;
        return (
          <mark
            key={i}
            className={isSelected ? "mark mark-selected" : "mark"}
            data-testid={isSelected ? "highlight" : undefined}
            ref={attach ? (el) => { ref.current = el; } : undefined}
          >
            {part.text}
          </mark>
        );
      })}
    </>
  );
}
