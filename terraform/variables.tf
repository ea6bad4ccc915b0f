# --- general ---------------------------------------------------------------------

variable "aws_region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "eu-west-1"
}

variable "project" {
  description = "Name prefix for every resource."
  type        = string
  default     = "order-backend"
}

variable "environment" {
  description = "Environment name, part of every resource name."
  type        = string
  default     = "production"
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

variable "deletion_protection" {
  description = "Protect the database and load balancer from deletion."
  type        = bool
  default     = true
}

# --- network -----------------------------------------------------------------------

variable "vpc_cidr" {
  description = "CIDR block of the VPC (a /16: public, private and data /24 subnets are cut from it)."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Number of availability zones to spread over (2 or 3)."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3: RDS Multi-AZ and Redis failover need two zones."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper) instead of one per zone (survives a zone outage)."
  type        = bool
  default     = false
}

variable "alb_ingress_cidrs" {
  description = "Client address ranges allowed to reach the load balancer on 80 and 443."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "certificate_arn" {
  description = "ACM certificate ARN for the HTTPS listener (the public host name)."
  type        = string
}

variable "alb_access_logs_bucket" {
  description = "S3 bucket for ALB access logs; null disables them."
  type        = string
  default     = null
}

# --- application ---------------------------------------------------------------------

variable "image" {
  description = "Container image to run, pinned to a commit: ghcr.io/OWNER/order-backend:<sha>."
  type        = string

  validation {
    condition     = can(regex("^ghcr\\.io/[^/]+/order-backend:[0-9a-f]{7,40}$", var.image))
    error_message = "image must be ghcr.io/OWNER/order-backend:<commit sha>; mutable tags such as latest are not deployed."
  }
}

variable "ghcr_credentials_secret_arn" {
  description = "Secrets Manager secret ({\"username\",\"password\"}) to pull a private ghcr.io image; null for a public image."
  type        = string
  default     = null
}

variable "app_cpu" {
  description = "Fargate task CPU units (512 = 0.5 vCPU, the Kubernetes limit)."
  type        = number
  default     = 512
}

variable "app_memory" {
  description = "Fargate task memory in MiB (1024 is the smallest size allowed with 512 CPU units)."
  type        = number
  default     = 1024
}

variable "app_desired_count" {
  description = "Tasks started when the service is created."
  type        = number
  default     = 3
}

variable "app_min_count" {
  description = "Fewest tasks the autoscaler keeps."
  type        = number
  default     = 3
}

variable "app_max_count" {
  description = "Most tasks the autoscaler starts. During a deployment (200 %) twice as many run: 2 x this x 8 pool connections must fit db_max_connections (ecs.tf checks it)."
  type        = number
  default     = 10
}

variable "smtp_port" {
  description = "Outbound SMTP port the app may use."
  type        = number
  default     = 587
}

variable "app_environment" {
  description = "Extra non-secret environment for the app (e.g. SMTP_HOST, SMTP_USER, SMTP_FROM); overrides the defaults in ecs.tf. ADMIN_EMAIL goes in extra_secrets with ADMIN_PASSWORD."
  type        = map(string)
  default     = {}

  validation {
    condition = alltrue([for name in keys(var.app_environment) : contains([
      "ENVIRONMENT", "DEBUG", "LOG_LEVEL", "LOG_FORMAT", "ALGORITHM", "ACCESS_TOKEN_EXPIRE_MINUTES",
      "REFRESH_TOKEN_EXPIRE_DAYS", "DATABASE_POOL_SIZE", "DATABASE_MAX_OVERFLOW", "CACHE_TYPE", "RATELIMIT_DEFAULT",
      "SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_FROM", "PUBLIC_URL", "DEFAULT_CURRENCY", "TRUSTED_PROXIES",
    ], name)])
    error_message = "app_environment takes only the app's non-secret variables; secrets (and ADMIN_EMAIL, which goes with ADMIN_PASSWORD) go in extra_secrets."
  }
}

variable "secret_key" {
  description = "SECRET_KEY: HMAC key for tokens, at least 32 bytes."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.secret_key) >= 32
    error_message = "secret_key must be at least 32 characters."
  }
}

variable "extra_secrets" {
  description = "Optional secrets by variable name: SMTP_PASSWORD, SENTRY_DSN, DATADOG_API_KEY, ADMIN_EMAIL with ADMIN_PASSWORD, METRICS_TOKEN, RATELIMIT_STORAGE_URL."
  type        = map(string)
  sensitive   = true
  default     = {}

  validation {
    condition = alltrue([for name in keys(var.extra_secrets) : contains([
      "SMTP_PASSWORD", "SENTRY_DSN", "DATADOG_API_KEY", "ADMIN_EMAIL", "ADMIN_PASSWORD", "METRICS_TOKEN",
      "RATELIMIT_STORAGE_URL",
    ], name)])
    error_message = "extra_secrets takes only SMTP_PASSWORD, SENTRY_DSN, DATADOG_API_KEY, ADMIN_EMAIL, ADMIN_PASSWORD, METRICS_TOKEN, RATELIMIT_STORAGE_URL."
  }

  # The app refuses to start with one of the two (StartupGuard): the task would crash-loop.
  validation {
    condition     = contains(keys(var.extra_secrets), "ADMIN_EMAIL") == contains(keys(var.extra_secrets), "ADMIN_PASSWORD")
    error_message = "extra_secrets: set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither."
  }
}

variable "log_retention_days" {
  description = "CloudWatch retention of the app's logs."
  type        = number
  default     = 30
}

# --- PostgreSQL (RDS) ------------------------------------------------------------------

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_allocated_storage" {
  description = "Initial storage in GiB."
  type        = number
  default     = 50
}

variable "db_max_allocated_storage" {
  description = "Storage autoscaling ceiling in GiB."
  type        = number
  default     = 200
}

variable "db_multi_az" {
  description = "Standby in a second zone with automatic failover."
  type        = bool
  default     = true
}

variable "db_read_replica" {
  description = "Create a read replica and pass it to the app as DATABASE_REPLICA_URL."
  type        = bool
  default     = false
}

variable "db_name" {
  description = "Database name."
  type        = string
  default     = "orders"
}

variable "db_username" {
  description = "Master user name."
  type        = string
  default     = "order_app"
}

variable "db_password" {
  description = "Master password (16+ characters). Pass it via TF_VAR_db_password, never a committed file."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.db_password) >= 16
    error_message = "db_password must be at least 16 characters."
  }
}

variable "db_max_connections" {
  description = "PostgreSQL max_connections."
  type        = number
  default     = 200
}

variable "db_backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 7

  validation {
    condition     = var.db_backup_retention_days >= 7 && var.db_backup_retention_days <= 35
    error_message = "Keep at least 7 days of backups (at most 35, the RDS limit)."
  }
}

variable "db_backup_window" {
  description = "Daily backup window (UTC, hh24:mi-hh24:mi), outside peak hours."
  type        = string
  default     = "03:00-04:00"
}

variable "db_maintenance_window" {
  description = "Weekly maintenance window (UTC, ddd:hh24:mi-ddd:hh24:mi); must not overlap the backup window."
  type        = string
  default     = "sun:04:30-sun:05:30"
}

# --- Redis (ElastiCache) --------------------------------------------------------------

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "redis_auth_token" {
  description = "Redis AUTH token (REDIS_PASSWORD): 16-128 printable characters, no @, \" or /."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.redis_auth_token) >= 16 && length(var.redis_auth_token) <= 128 && !can(regex("[@\"/]", var.redis_auth_token))
    error_message = "redis_auth_token must be 16-128 characters without @, \" or /."
  }
}

# --- CDN and WAF (cdn.tf) ----------------------------------------------------------------

variable "cdn_enabled" {
  description = "Put CloudFront with AWS WAF's managed rules in front of the load balancer."
  type        = bool
  default     = true
}

variable "cdn_aliases" {
  description = "Public host names CloudFront answers for (e.g. [\"orders.example.com\"]); point them at cdn_domain_name."
  type        = list(string)
  default     = []
}

variable "cdn_certificate_arn" {
  description = "ACM certificate in us-east-1 for cdn_aliases; null uses CloudFront's own *.cloudfront.net certificate."
  type        = string
  default     = null
}

variable "cdn_origin_domain_name" {
  description = "Host name CloudFront connects to over HTTPS: on the ALB's certificate (certificate_arn) and resolving to the ALB."
  type        = string
  default     = null
}

variable "cdn_price_class" {
  description = "CloudFront price class (edge locations used)."
  type        = string
  default     = "PriceClass_100"
}

variable "waf_rate_limit_per_5_minutes" {
  description = "Requests per client address in 5 minutes above which the WAF blocks it (a flood guard; the app limits per user itself)."
  type        = number
  default     = 2000
}
