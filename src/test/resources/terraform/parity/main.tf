# The estate of TerraformParityIT: small, but with every shape that makes state mapping and
# normalisation hard (a module, for_each, count, an aliased provider in a second region,
# default_tags, security-group rules written inline and as separate resources). Applied to moto.

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
}

locals {
  endpoints = { ec2 = var.aws_endpoint, iam = var.aws_endpoint, s3 = var.aws_endpoint, sts = var.aws_endpoint }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true
  endpoints {
    ec2 = local.endpoints.ec2
    iam = local.endpoints.iam
    s3  = local.endpoints.s3
    sts = local.endpoints.sts
  }
  default_tags {
    tags = { ManagedBy = "terraform", Suite = "parity" }
  }
}

provider "aws" {
  alias                       = "west"
  region                      = "us-west-2"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true
  endpoints {
    ec2 = local.endpoints.ec2
    iam = local.endpoints.iam
    s3  = local.endpoints.s3
    sts = local.endpoints.sts
  }
  default_tags {
    tags = { ManagedBy = "terraform", Suite = "parity-west" }
  }
}

module "net" {
  source = "./modules/net"
  cidr   = "10.60.0.0/16"
}

# Rules written as separate resources, both kinds, on a group without inline rules.
resource "aws_security_group" "separate" {
  name        = "parity-separate"
  description = "Rules as separate resources"
  vpc_id      = module.net.vpc_id
  tags        = { Name = "parity-separate" }
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  security_group_id = aws_security_group.separate.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["10.0.0.0/8"]
  description       = "HTTPS from the corporate range"
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.separate.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "192.168.0.0/16"
  description       = "SSH from the bastion range"
}

resource "aws_security_group" "worker" {
  count       = 2
  name        = "parity-worker-${count.index}"
  description = "Worker ${count.index}"
  vpc_id      = module.net.vpc_id
  tags        = { Name = "parity-worker-${count.index}" }
}

resource "aws_s3_bucket" "logs" {
  bucket = "parity-logs"
  tags   = { Purpose = "logs" }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_iam_role" "app" {
  name                 = "parity-app"
  description          = "Runs the app"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_policy" "read_logs" {
  name = "parity-read-logs"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "${aws_s3_bucket.logs.arn}/*" }]
  })
}

resource "aws_iam_role_policy_attachment" "app_read_logs" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.read_logs.arn
}

# The second region, through the aliased provider.
resource "aws_vpc" "west" {
  provider   = aws.west
  cidr_block = "10.70.0.0/16"
  tags       = { Name = "parity-west" }
}

resource "aws_security_group" "west" {
  provider    = aws.west
  name        = "parity-west"
  description = "West web"
  vpc_id      = aws_vpc.west.id
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Name = "parity-west", Tier = "web" }
}

# A rule has no ARN in state: its region comes from the aliased provider it was made with.
resource "aws_security_group" "west_db" {
  provider    = aws.west
  name        = "parity-west-db"
  description = "West database"
  vpc_id      = aws_vpc.west.id
}

resource "aws_security_group_rule" "west_postgres" {
  provider          = aws.west
  type              = "ingress"
  security_group_id = aws_security_group.west_db.id
  protocol          = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_blocks       = [aws_vpc.west.cidr_block]
}

output "vpc_id" { value = module.net.vpc_id }
