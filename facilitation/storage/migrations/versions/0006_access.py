"""access: caseworker accounts, case members, sign-in sessions (also paired projectors), pairing links, access log

Revision ID: 0006
Revises: 0005

Hand-written; new tables only. On SQLite the tables with ids get AUTOINCREMENT, so an id is never
given twice. The access log has no foreign keys on purpose: it must outlive a deleted case or account.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "caseworkers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("oidc_subject", sa.String(500), nullable=True, unique=True),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "case_members",
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("caseworker_id", sa.Integer(), sa.ForeignKey("caseworkers.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False, index=True),
        sa.Column("caseworker_id", sa.Integer(), nullable=True, index=True),
        sa.Column("case_id", sa.Integer(), nullable=True, index=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False, server_default=""),
        sa.Column("detail", sa.String(100), nullable=False, server_default=""),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("caseworker_id", sa.Integer(), sa.ForeignKey("caseworkers.id", ondelete="CASCADE"),
                  nullable=True, index=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id", ondelete="CASCADE"),
                  nullable=True, index=True),
        sa.Column("pairing_code", sa.String(20), nullable=True),
        sa.Column("purpose", sa.String(20), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "pairing_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    for table in ("pairing_links", "auth_sessions", "access_log", "case_members", "caseworkers"):
        op.drop_table(table)
