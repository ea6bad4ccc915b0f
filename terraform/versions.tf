terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }

  # State holds the generated connection strings: keep it in an encrypted,
  # access-controlled bucket. Configure with
  #   terraform init -backend-config="bucket=…" -backend-config="key=order-backend/terraform.tfstate" \
  #                  -backend-config="region=…" -backend-config="dynamodb_table=…"
  backend "s3" {
    encrypt = true
  }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = local.tags
  }
}
