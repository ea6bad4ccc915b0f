# The application's secrets, in one Secrets Manager secret (JSON), injected
# into the task as environment variables by ECS. Their values also live in the
# Terraform state: keep the state encrypted and access-controlled (versions.tf).

locals {
  database_url = format(
    "postgresql://%s:%s@%s:%d/%s?sslmode=require",
    var.db_username, urlencode(var.db_password), aws_db_instance.this.address, aws_db_instance.this.port, var.db_name,
  )

  database_replica_url = var.db_read_replica ? format(
    "postgresql://%s:%s@%s:%d/%s?sslmode=require",
    var.db_username, urlencode(var.db_password), aws_db_instance.replica[0].address, aws_db_instance.replica[0].port, var.db_name,
  ) : null

  redis_url = "rediss://${aws_elasticache_replication_group.this.primary_endpoint_address}:6379/0"

  app_secrets = merge(
    {
      SECRET_KEY     = var.secret_key
      DATABASE_URL   = local.database_url
      REDIS_URL      = local.redis_url
      REDIS_PASSWORD = var.redis_auth_token
    },
    local.database_replica_url == null ? {} : { DATABASE_REPLICA_URL = local.database_replica_url },
    var.extra_secrets,
  )

  # Names are not secret; only the values are.
  app_secret_names = sort(concat(
    ["SECRET_KEY", "DATABASE_URL", "REDIS_URL", "REDIS_PASSWORD"],
    var.db_read_replica ? ["DATABASE_REPLICA_URL"] : [],
    nonsensitive(keys(var.extra_secrets)),
  ))
}

resource "aws_secretsmanager_secret" "app" {
  name                    = "${local.name}/app"
  description             = "order-backend environment secrets"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "app" {
  secret_id     = aws_secretsmanager_secret.app.id
  secret_string = jsonencode(local.app_secrets)
}
