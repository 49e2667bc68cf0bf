"""Settings of the server the benches start: the project's, with the bench's own URLconf.

Only the URLconf differs, so the baseline views run behind exactly the same middleware as the
pages they are compared with. Never used outside bench/.
"""

from anniversary.settings import *  # noqa: F403

ROOT_URLCONF = "bench.server_urls"
