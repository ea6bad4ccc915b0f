locals {
  name = "${var.project}-${var.environment}"

  tags = merge(var.tags, {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  })

  azs = slice(data.aws_availability_zones.available.names, 0, var.az_count)

  app_port = 8000

  # Connections per task: Hikari minimumIdle = pool, maximumPoolSize = pool + overflow = 8.
  # A deployment at deployment_maximum_percent = 200 runs old and new tasks side by side:
  # 2 x 10 tasks x 8 = 160 of db_max_connections = 200, leaving room for admin and backup
  # sessions (the ECS service's precondition checks it for the configured counts).
  db_pool_size           = 4
  db_max_overflow        = 4
  db_reserved            = 20
  deployment_max_percent = 200
}

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_caller_identity" "current" {}
