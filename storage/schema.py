"""Tables. Every stored value keeps the import it came from and its source row.

The fact tables hold every import's rows side by side (key + import_id); the current value of a
key and metric is the newest import's non-missing value, so undoing an import (deleting its rows)
restores what the older imports said. Migrations in storage/migrations create these tables.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
    text,
)

from model.canonical import METRIC_NAMES

metadata = MetaData()

imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("size_bytes", Integer, nullable=False),
    Column("platform", String(20)),
    Column("report", String(200)),
    Column("account", Text),
    Column("status", String(10), nullable=False, server_default="active"),  # active | undone
    Column("imported_at", DateTime, nullable=False),
    Column("undone_at", DateTime),
    Column("rows_post", Integer, nullable=False, server_default="0"),
    Column("rows_daily", Integer, nullable=False, server_default="0"),
    Column("rows_audience", Integer, nullable=False, server_default="0"),
    Column("date_from", Date),
    Column("date_to", Date),
    Column("issues_json", Text, nullable=False, server_default="[]"),
)
Index(
    "ux_imports_active_sha256",
    imports.c.sha256,
    unique=True,
    sqlite_where=text("status = 'active'"),
    postgresql_where=text("status = 'active'"),
)


def _metric_columns() -> list[Column]:
    return [Column(name, Float) for name in METRIC_NAMES]


def _provenance() -> list[Column]:
    return [
        Column("import_id", Integer, ForeignKey("imports.id", ondelete="CASCADE"), primary_key=True),
        Column("source_row", Integer, nullable=False),
    ]


posts = Table(
    "posts",
    metadata,
    Column("platform", String(20), primary_key=True),
    Column("account", Text, primary_key=True),
    Column("post_id", Text, primary_key=True),
    *_provenance(),
    Column("published_at", DateTime),  # UTC, naive
    Column("text", Text),
    Column("permalink", Text),
    Column("post_type", Text),
    *_metric_columns(),
)
Index("ix_posts_import", posts.c.import_id)

daily = Table(
    "daily",
    metadata,
    Column("platform", String(20), primary_key=True),
    Column("account", Text, primary_key=True),
    Column("date", Date, primary_key=True),
    *_provenance(),
    *_metric_columns(),
)
Index("ix_daily_import", daily.c.import_id)

audience = Table(
    "audience",
    metadata,
    Column("platform", String(20), primary_key=True),
    Column("account", Text, primary_key=True),
    Column("date", Date, primary_key=True),
    Column("dimension", String(40), primary_key=True),
    Column("bucket", Text, primary_key=True),
    Column("metric", String(40), primary_key=True),
    *_provenance(),
    Column("unit", String(10), nullable=False),
    Column("value", Float),
)
Index("ix_audience_import", audience.c.import_id)

FACT_TABLES = {"post": posts, "daily": daily, "audience": audience}

goal_sets = Table(
    "goal_sets",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("file_name", Text, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("uploaded_at", DateTime, nullable=False),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("held_on", Date, nullable=False),
    Column("period", String(40), nullable=False),
    Column("summary", Text, nullable=False, server_default=""),
    Column("created_at", DateTime, nullable=False),
)
review_comments = Table(
    "review_comments",
    metadata,
    Column("review_id", Integer, ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True),
    Column("key_result", String(40), primary_key=True),
    Column("comment", Text, nullable=False),
)
review_decisions = Table(
    "review_decisions",
    metadata,
    Column("review_id", Integer, ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
)
review_actions = Table(
    "review_actions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("review_id", Integer, ForeignKey("reviews.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("owner", Text, nullable=False, server_default=""),
    Column("due", Date),
    Column("done", Boolean, nullable=False, server_default=false()),
)

# Editorial plan (migration 0004): every uploaded plan is a version; a newer active version replaces
# the older ones for the days it covers, and undoing it brings them back.
plan_versions = Table(
    "plan_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("uploaded_at", DateTime, nullable=False),
    Column("date_from", Date, nullable=False),
    Column("date_to", Date, nullable=False),
    Column("status", String(10), nullable=False, server_default="active"),  # active | undone
    Column("undone_at", DateTime),
)
PLAN_TEXT_COLUMNS = ("account", "department", "topic", "campaign", "format", "owner", "status", "key_messages", "hashtags", "link", "text")
plan_items = Table(
    "plan_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("plan_versions.id", ondelete="CASCADE"), nullable=False),
    Column("sheet", Text),
    Column("source_row", Integer, nullable=False),
    Column("planned_at", DateTime, nullable=False),  # as the plan writes it (local time of the team)
    Column("platform", String(20), nullable=False),
    *(Column(name, Text) for name in PLAN_TEXT_COLUMNS),
)
Index("ix_plan_items_version", plan_items.c.version_id)
plan_matches = Table(
    "plan_matches",
    metadata,
    Column("item_id", Integer, ForeignKey("plan_items.id", ondelete="CASCADE"), primary_key=True),
    Column("platform", String(20)),
    Column("account", Text),
    Column("post_id", Text),  # NULL: the user says no post fulfils the item
    Column("decided_at", DateTime, nullable=False),
)
campaigns = Table(
    "campaigns",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("date_from", Date, nullable=False),
    Column("date_to", Date, nullable=False),
    Column("key_messages", Text, nullable=False, server_default=""),
    Column("hashtags", Text, nullable=False, server_default=""),
    Column("department", Text),
)
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("date_from", Date, nullable=False),
    Column("date_to", Date, nullable=False),
    Column("title", String(60), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("category", Text, nullable=False, server_default=""),
    Column("department", Text),
    Column("channels", Text, nullable=False, server_default=""),  # comma-separated platforms; blank = all
    Column("colour", String(9), nullable=False, server_default="#888888"),
)
# Who may do what (issue 10): one row per e-mail address, IdP group, or the default for unknown people.
role_assignments = Table(
    "role_assignments",
    metadata,
    Column("kind", String(10), primary_key=True),  # email, group, default
    Column("subject", Text, primary_key=True),  # the lower-case e-mail address or group name; "" for the default
    Column("role", String(10), nullable=False),  # admin, editor, viewer
    Column("departments", Text),  # JSON list; NULL: every department
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", Text, nullable=False),
)
# Append-only (triggers in migration 0005 refuse UPDATE and DELETE): every write and every denied attempt.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),  # UTC
    Column("actor", Text, nullable=False),
    Column("role", String(10)),  # NULL: no role (unknown person)
    Column("action", String(40), nullable=False),
    Column("object_type", String(40), nullable=False, server_default=""),
    Column("object_id", Text, nullable=False, server_default=""),
    Column("department", Text),
    Column("details", Text, nullable=False, server_default=""),
    Column("result", String(10), nullable=False),  # allowed, denied, refused, failed
    Column("reason", String(80)),  # why denied, refused or failed: a text key of model/i18n.py (NULL when allowed)
    Column("reason_params", Text),  # that text's parameters as JSON (department keys, ISO dates), shown translated
)
Index("ix_audit_log_at", audit_log.c.at)
