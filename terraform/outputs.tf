output "alb_dns_name" {
  description = "Point the public host name (CNAME/alias) here."
  value       = aws_lb.this.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone of the ALB, for a Route 53 alias record."
  value       = aws_lb.this.zone_id
}

output "vpc_id" {
  description = "VPC of the deployment."
  value       = aws_vpc.this.id
}

output "ecs_cluster_name" {
  description = "ECS cluster running the app."
  value       = aws_ecs_cluster.this.name
}

output "ecs_service_name" {
  description = "ECS service of the app (aws ecs update-service --force-new-deployment …)."
  value       = aws_ecs_service.app.name
}

output "app_security_group_id" {
  description = "Security group of the app tasks; a one-off task in it can reach the database (backups, restore drills)."
  value       = aws_security_group.app.id
}

output "private_subnet_ids" {
  description = "Subnets of the app tasks."
  value       = aws_subnet.private[*].id
}

output "log_group_name" {
  description = "CloudWatch log group of the app's JSON logs."
  value       = aws_cloudwatch_log_group.app.name
}

output "db_endpoint" {
  description = "RDS endpoint (host:port)."
  value       = aws_db_instance.this.endpoint
}

output "db_replica_endpoint" {
  description = "Read replica endpoint, when created."
  value       = var.db_read_replica ? aws_db_instance.replica[0].endpoint : null
}

output "redis_primary_endpoint" {
  description = "ElastiCache primary endpoint (TLS)."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "app_secret_arn" {
  description = "Secrets Manager secret holding the app's secret variables."
  value       = aws_secretsmanager_secret.app.arn
}

output "cdn_domain_name" {
  description = "CloudFront's host name: point the public host names (cdn_aliases) here, not at the ALB."
  value       = var.cdn_enabled ? aws_cloudfront_distribution.this[0].domain_name : null
}

output "cdn_hosted_zone_id" {
  description = "Hosted zone of the CloudFront distribution, for a Route 53 alias record."
  value       = var.cdn_enabled ? aws_cloudfront_distribution.this[0].hosted_zone_id : null
}
