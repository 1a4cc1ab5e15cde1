"""The Azure Functions entry point: creates the Durable Functions app and registers the
blueprints. Nothing else lives here."""

import azure.durable_functions as df
import azure.functions as func

from activities.campaign import bp as activities
from api.campaigns import bp as campaign_api
from api.checks import bp as checks_api
from api.dashboard import bp as dashboard
from api.fallback import bp as fallback_api
from api.meta import bp as meta_api
from api.realtime import bp as realtime_api
from orchestrators.campaign import bp as orchestrators

app = df.DFApp(http_auth_level=func.AuthLevel.ANONYMOUS)
app.register_functions(orchestrators)
app.register_functions(activities)
app.register_functions(campaign_api)
app.register_functions(checks_api)
app.register_functions(meta_api)
app.register_functions(realtime_api)
app.register_functions(fallback_api)  # api/{*path}: 404/405 problem+json for what no API route takes
app.register_functions(dashboard)  # {*path}: the dashboard's build, for every path outside /api
