/// <reference types="vitest/config" />
// Vite builds the dashboard into web/dist, which the Function App serves at "/" (api/dashboard.py)
// with a strict Content-Security-Policy: so the build must emit only external scripts and
// styles (no inline <script>/<style>), which Vite's production build does.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// (No @types/node for one variable: read it through globalThis.)
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const API_TARGET = env.DASHBOARD_API ?? "http://127.0.0.1:7071";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    // Inlined assets would become data: URLs in CSS/JS; keep every asset an external file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    // `npm run dev`: the API and the SignalR emulator of a devhost on 7071 (same origin for the page).
    proxy: {
      "/api": { target: API_TARGET, changeOrigin: false },
      "/client": { target: API_TARGET, ws: true, changeOrigin: false },
    },
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
  },
});
