resource "aws_ecs_cluster" "this" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${local.name}"
  retention_in_days = var.log_retention_days
}

# --- IAM -------------------------------------------------------------------------

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

# Used by ECS itself: pull the image, write logs, read the secrets to inject.
resource "aws_iam_role" "execution" {
  name               = "${local.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "execution_secrets" {
  statement {
    actions = ["secretsmanager:GetSecretValue"]
    resources = compact([
      aws_secretsmanager_secret.app.arn,
      var.ghcr_credentials_secret_arn,
    ])
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  name   = "read-app-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution_secrets.json
}

# Used by the application: it needs no AWS API, so the role has no policy.
resource "aws_iam_role" "task" {
  name               = "${local.name}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

# --- task definition and service --------------------------------------------------

locals {
  app_environment = merge(
    {
      ENVIRONMENT                 = "production"
      DEBUG                       = "false"
      LOG_LEVEL                   = "info"
      LOG_FORMAT                  = "json"
      PORT                        = tostring(local.app_port)
      ALGORITHM                   = "HS256"
      ACCESS_TOKEN_EXPIRE_MINUTES = "30"
      REFRESH_TOKEN_EXPIRE_DAYS   = "7"
      DATABASE_POOL_SIZE          = tostring(local.db_pool_size)
      DATABASE_MAX_OVERFLOW       = tostring(local.db_max_overflow)
      CACHE_TYPE                  = "redis"
      RATELIMIT_DEFAULT           = "100/hour"
      SMTP_PORT                   = tostring(var.smtp_port)
      DEFAULT_CURRENCY            = "USD"
      # Only the ALB (inside the VPC) may set X-Forwarded-For.
      TRUSTED_PROXIES = var.vpc_cidr
    },
    var.app_environment,
  )

  container = {
    name                   = "app"
    image                  = var.image
    essential              = true
    user                   = "10001:10001"
    readonlyRootFilesystem = true

    portMappings = [{ containerPort = local.app_port, protocol = "tcp" }]

    environment = [for name in sort(keys(local.app_environment)) : { name = name, value = local.app_environment[name] }]
    secrets = [for name in local.app_secret_names : {
      name      = name
      valueFrom = "${aws_secretsmanager_secret.app.arn}:${name}::"
    }]

    repositoryCredentials = var.ghcr_credentials_secret_arn == null ? null : {
      credentialsParameter = var.ghcr_credentials_secret_arn
    }

    mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]

    healthCheck = {
      # Liveness: ECS replaces a task whose check fails, and readiness is DOWN while
      # PostgreSQL is unreachable, which would replace every task in a database outage.
      # The load balancer's target group checks readiness (alb.tf) and stops routing instead.
      command     = ["CMD", "/usr/local/bin/healthcheck", "/health/liveness"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 60
    }

    # SIGTERM, then up to 30 s of graceful shutdown before SIGKILL.
    stopTimeout = 45

    linuxParameters = { initProcessEnabled = true }
    ulimits         = [{ name = "nofile", softLimit = 65536, hardLimit = 65536 }]

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.app.name
        awslogs-region        = var.aws_region
        awslogs-stream-prefix = "app"
      }
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.app_cpu
  memory                   = var.app_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    { for key, value in local.container : key => value if value != null }
  ])
}

resource "aws_ecs_service" "app" {
  name            = "order-backend"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = var.app_desired_count
  launch_type     = "FARGATE"

  platform_version                  = "1.4.0"
  health_check_grace_period_seconds = 60
  enable_execute_command            = false
  propagate_tags                    = "SERVICE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = local.deployment_max_percent

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = local.app_port
  }

  # The autoscaler owns the running count after creation.
  lifecycle {
    ignore_changes = [desired_count]

    precondition {
      condition = (ceil(var.app_max_count * local.deployment_max_percent / 100) * (local.db_pool_size + local.db_max_overflow)
      <= var.db_max_connections - local.db_reserved)
      error_message = "app_max_count tasks at the deployment's maximum percent would open more connections than db_max_connections allows (minus db_reserved)."
    }
  }

  depends_on = [aws_lb_listener.https]
}

# --- autoscaling ------------------------------------------------------------------

resource "aws_appautoscaling_target" "app" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.app.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.app_min_count
  max_capacity       = var.app_max_count
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${local.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.app.service_namespace
  resource_id        = aws_appautoscaling_target.app.resource_id
  scalable_dimension = aws_appautoscaling_target.app.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = 70
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
