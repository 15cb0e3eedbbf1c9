# The estate bin/bench-terraform applies to moto: security groups (inline rules, and separate rule
# resources), S3 buckets and IAM roles, in the proportions the variables give.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

variable "aws_endpoint" { type = string }
variable "name" { type = string }
variable "app_groups" { type = number }
variable "rule_groups" { type = number }
variable "buckets" { type = number }
variable "roles" { type = number }

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  # The account id is asked of (moto's) STS, so ARNs in the state carry it as they do on AWS.
  s3_use_path_style           = true
  endpoints {
    ec2 = var.aws_endpoint
    sts = var.aws_endpoint
    iam = var.aws_endpoint
    s3  = var.aws_endpoint
  }
  default_tags {
    tags = { ManagedBy = "terraform" }
  }
}

resource "aws_vpc" "bench" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = var.name }
}

# Groups with their rules written inline.
resource "aws_security_group" "app" {
  count       = var.app_groups
  name        = "app-${count.index}"
  description = "app ${count.index}"
  vpc_id      = aws_vpc.bench.id
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Name = "app-${count.index}", Team = "team-${count.index % 7}" }
}

# Groups whose ingress is a separate rule resource.
resource "aws_security_group" "svc" {
  count       = var.rule_groups
  name        = "svc-${count.index}"
  description = "svc ${count.index}"
  vpc_id      = aws_vpc.bench.id
  tags        = { Name = "svc-${count.index}" }
}

resource "aws_vpc_security_group_ingress_rule" "svc" {
  count             = var.rule_groups
  security_group_id = aws_security_group.svc[count.index].id
  cidr_ipv4         = "10.1.0.0/16"
  from_port         = 8080
  to_port           = 8080
  ip_protocol       = "tcp"
}

resource "aws_s3_bucket" "data" {
  count  = var.buckets
  bucket = "${var.name}-data-${count.index}"
  tags   = { Team = "team-${count.index % 7}" }
}

resource "aws_iam_role" "app" {
  count       = var.roles
  name        = "${var.name}-app-${count.index}"
  description = "app role ${count.index}"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  tags = { Team = "team-${count.index % 7}" }
}
