/**
 * Client-side routes (the contract's `/`, `/new`, `/campaigns/:id`, `/check`) on the History
 * API: the server answers index.html for any non-`api/` path without a file extension.
 */
import { useEffect, useState } from "react";

export type Route =
  | { name: "list" }
  | { name: "new" }
  | { name: "campaign"; id: string }
  | { name: "check" }
  | { name: "notFound"; path: string };

export function parseRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { name: "list" };
  if (pathname === "/new") return { name: "new" };
  if (pathname === "/check") return { name: "check" };
  const m = /^\/campaigns\/(c-[0-9a-f]{16})\/?$/.exec(pathname);
  if (m?.[1]) return { name: "campaign", id: m[1] };
  return { name: "notFound", path: pathname };
}

const listeners = new Set<() => void>();

export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, "", to);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return parseRoute(path);
}
