import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.fixture
def migrate_to(transactional_db):
    """Migrate the test database to some migrations (a list of (app, name)) and return the
    models as they stood there; afterwards, pass or fail, every migration is applied again,
    so that the tests after this one find the schema the code expects."""

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield migrate
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
