/** The shell: navigation, the user picker (local only), and the screen of the current route. */
import { Suspense, lazy, useEffect, useState } from "react";
import { Link, Loading, Notice } from "./components/common";
import { UserPicker } from "./components/UserPicker";
import { api } from "./lib/api";
import { setCanSwitchUser } from "./lib/identity";
import { useRoute } from "./lib/router";
import type { Me } from "./lib/types";
import { CampaignList } from "./screens/CampaignList";

// The campaign view (SignalR client, diff) and the check page load when first opened, so
// the list and the form start with less script.
const CampaignView = lazy(() => import("./screens/CampaignView").then((m) => ({ default: m.CampaignView })));
const CheckCopy = lazy(() => import("./screens/CheckCopy").then((m) => ({ default: m.CheckCopy })));
import { CreateCampaign } from "./screens/CreateCampaign";

export function App() {
  const route = useRoute();
  const [me, setMe] = useState<Me | null>(null);
  // Screens wait for /api/me, so that their first requests (and the SignalR negotiate)
  // already carry the identity the user picker chose.
  const [identityKnown, setIdentityKnown] = useState(false);
  const [identityVersion, setIdentityVersion] = useState(0);

  useEffect(() => {
    api.me().then(
      (value) => {
        setCanSwitchUser(value.canSwitchUser);
        setMe(value);
        setIdentityKnown(true);
      },
      () => setIdentityKnown(true),
    );
  }, []);

  useEffect(() => {
    const names = { list: "Campaigns", new: "New campaign", campaign: "Campaign", check: "Check any copy", notFound: "Not found" };
    document.title = `${names[route.name]} · Marketing Agents`;
  }, [route.name]);

  const current = (name: string) => (route.name === name ? "page" : undefined);
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <Link to="/" className="brand"><span className="brand-mark" aria-hidden="true">◆</span> Marketing Agents</Link>
        <nav aria-label="Main">
          <ul>
            <li><span aria-current={current("list")}><Link to="/">Campaigns</Link></span></li>
            <li><span aria-current={current("new")}><Link to="/new">New campaign</Link></span></li>
            <li><span aria-current={current("check")}><Link to="/check">Check copy</Link></span></li>
          </ul>
        </nav>
        <div className="spacer" />
        {me && <UserPicker me={me} onChange={() => setIdentityVersion((v) => v + 1)} />}
      </header>
      <main id="main" key={identityVersion}>
        <Suspense fallback={<div className="page"><Loading what="the page" /></div>}>
        {!identityKnown && <div className="page"><Loading what="the dashboard" /></div>}
        {identityKnown && route.name === "list" && <CampaignList />}
        {identityKnown && route.name === "new" && <CreateCampaign />}
        {identityKnown && route.name === "campaign" && <CampaignView id={route.id} />}
        {identityKnown && route.name === "check" && <CheckCopy />}
        {identityKnown && route.name === "notFound" && (
          <div className="page">
            <h1>Page not found</h1>
            <Notice kind="info">Nothing lives at {route.path}.</Notice>
            <p><Link to="/">Back to campaigns</Link></p>
          </div>
        )}
        </Suspense>
      </main>
    </>
  );
}
