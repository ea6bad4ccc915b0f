# CloudFront in front of the load balancer, with AWS WAF's managed rules: the guide's
# CDN/WAF layer. The API (/api/*) and the web console (/ui/*) are never cached and
# are served over HTTPS only (no redirect: a request that came over plain HTTP has
# already exposed its token); only the OpenAPI UI's static files are cached.
#
# CloudFront reaches the ALB over HTTPS at cdn_origin_domain_name, a name that the
# ALB's certificate (certificate_arn) covers and that resolves to the ALB
# (e.g. origin.orders.example.com -> alb_dns_name). The viewer certificate for
# cdn_aliases must be in us-east-1 (cdn_certificate_arn), as must the web ACL.

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = local.tags
  }
}

data "aws_cloudfront_cache_policy" "disabled" {
  name = "Managed-CachingDisabled"
}

data "aws_cloudfront_cache_policy" "optimized" {
  name = "Managed-CachingOptimized"
}

# Every header (Authorization, Idempotency-Key, cookies for /ui), query string and
# cookie goes to the app; Host is the origin's, so the ALB's certificate matches.
data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

locals {
  cdn_origin_id = "alb"

  # Paths that are never cached and refuse plain HTTP.
  cdn_uncached_paths = ["/api/*", "/ui/*"]
}

resource "aws_wafv2_web_acl" "cdn" {
  count    = var.cdn_enabled ? 1 : 0
  provider = aws.us_east_1

  name  = "${local.name}-cdn"
  scope = "CLOUDFRONT"

  default_action {
    allow {}
  }

  dynamic "rule" {
    for_each = {
      AWSManagedRulesAmazonIpReputationList = 10
      AWSManagedRulesCommonRuleSet          = 20
      AWSManagedRulesKnownBadInputsRuleSet  = 30
      AWSManagedRulesSQLiRuleSet            = 40
    }
    content {
      name     = rule.key
      priority = rule.value

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          vendor_name = "AWS"
          name        = rule.key
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${local.name}-${rule.key}"
        sampled_requests_enabled   = true
      }
    }
  }

  # A coarse flood guard per client address, far above the app's own per-user limits.
  rule {
    name     = "rate-limit-per-ip"
    priority = 50

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = var.waf_rate_limit_per_5_minutes
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-rate-limit-per-ip"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${local.name}-cdn"
    sampled_requests_enabled   = true
  }
}

resource "aws_cloudfront_distribution" "this" {
  count = var.cdn_enabled ? 1 : 0

  enabled         = true
  is_ipv6_enabled = true
  comment         = "${local.name}: CloudFront + WAF in front of the ALB"
  aliases         = var.cdn_aliases
  price_class     = var.cdn_price_class
  web_acl_id      = aws_wafv2_web_acl.cdn[0].arn
  http_version    = "http2and3"

  origin {
    origin_id   = local.cdn_origin_id
    domain_name = var.cdn_origin_domain_name

    custom_origin_config {
      http_port                = 80
      https_port               = 443
      origin_protocol_policy   = "https-only"
      origin_ssl_protocols     = ["TLSv1.2"]
      origin_read_timeout      = 60
      origin_keepalive_timeout = 20
    }
  }

  dynamic "ordered_cache_behavior" {
    for_each = local.cdn_uncached_paths
    content {
      path_pattern             = ordered_cache_behavior.value
      target_origin_id         = local.cdn_origin_id
      viewer_protocol_policy   = "https-only"
      allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
      cached_methods           = ["GET", "HEAD"]
      cache_policy_id          = data.aws_cloudfront_cache_policy.disabled.id
      origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
      compress                 = true
    }
  }

  # The OpenAPI UI's static files: the only thing worth caching at the edge.
  ordered_cache_behavior {
    path_pattern           = "/swagger-ui/*"
    target_origin_id       = local.cdn_origin_id
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = data.aws_cloudfront_cache_policy.optimized.id
    compress               = true
  }

  # Everything else (health, info, the OpenAPI document): passed through, not cached.
  default_cache_behavior {
    target_origin_id         = local.cdn_origin_id
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = data.aws_cloudfront_cache_policy.disabled.id
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
    compress                 = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn            = var.cdn_certificate_arn
    cloudfront_default_certificate = var.cdn_certificate_arn == null
    ssl_support_method             = var.cdn_certificate_arn == null ? null : "sni-only"
    minimum_protocol_version       = var.cdn_certificate_arn == null ? "TLSv1" : "TLSv1.2_2021"
  }

  lifecycle {
    precondition {
      condition     = length(var.cdn_aliases) == 0 || var.cdn_certificate_arn != null
      error_message = "cdn_aliases need cdn_certificate_arn (an ACM certificate in us-east-1)."
    }
    precondition {
      condition     = var.cdn_origin_domain_name != null
      error_message = "cdn_enabled needs cdn_origin_domain_name: a name on the ALB's certificate that resolves to the ALB."
    }
  }
}
