# A small demo estate, applied by bin/demo against moto (the AWS emulator)
# rather than a real account. Credentials are moto's dummies.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

variable "aws_endpoint" {
  description = "Where moto listens"
  type        = string
  default     = "http://127.0.0.1:5010"
}

provider "aws" {
  region     = "us-east-1"
  access_key = "test"
  secret_key = "test"

  # moto has no real account, metadata service or credential checks.
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true

  endpoints {
    ec2 = var.aws_endpoint
    sts = var.aws_endpoint
    iam = var.aws_endpoint
    s3  = var.aws_endpoint
  }

  default_tags {
    tags = {
      ManagedBy = "terraform"
      Project   = "driftwatch-demo"
    }
  }
}

resource "aws_vpc" "demo" {
  cidr_block = "10.42.0.0/16"
  tags       = { Name = "driftwatch-demo" }
}

# Web tier: HTTPS from anywhere. bin/demo opens SSH on it out of band (CHANGED).
resource "aws_security_group" "web" {
  name        = "demo-web"
  description = "Public HTTPS"
  vpc_id      = aws_vpc.demo.id

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = { Name = "demo-web", Tier = "web" }
}

# App tier: only reachable from the web tier. Left untouched (no finding).
resource "aws_security_group" "app" {
  name        = "demo-app"
  description = "App servers behind the web tier"
  vpc_id      = aws_vpc.demo.id

  ingress {
    description     = "App port from web"
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = { Name = "demo-app", Tier = "app" }
}

# Cache tier: Redis inside the VPC. bin/demo deletes it out of band (MISSING).
resource "aws_security_group" "cache" {
  name        = "demo-cache"
  description = "Redis inside the VPC"
  vpc_id      = aws_vpc.demo.id

  ingress {
    description = "Redis"
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.demo.cidr_block]
  }

  tags = { Name = "demo-cache", Tier = "cache" }
}

output "vpc_id" { value = aws_vpc.demo.id }
output "web_sg_id" { value = aws_security_group.web.id }
output "app_sg_id" { value = aws_security_group.app.id }
output "cache_sg_id" { value = aws_security_group.cache.id }
