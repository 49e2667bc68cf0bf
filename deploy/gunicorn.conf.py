"""gunicorn settings for the web process (Procfile `web`, deploy/kardes40-web.service).

Every value comes from the environment, with a default fit for one small machine behind a
reverse proxy on the same host.
"""

import os

# Loopback by default: the reverse proxy (nginx, Caddy) is the only thing that talks to us.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads serve the waits (database, Redis) of a registration burst; processes use the cores.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
worker_class = "gthread"
# Recycle each worker after about this many requests (jitter: not all at once), so a slow
# leak in a library never grows for weeks.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# X-Forwarded-Proto and friends are believed only from these addresses (the local proxy).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
# The app is loaded once in the master, and forked: less memory, a broken app fails at start.
preload_app = True
