# The estate bin/bench-sweeper applies to moto, once per sandbox account: about var.size resources of the 14
# types below (every one of them a type the sweeper deletes), in the shares of local.share (per 1,000).
# Resources whose count.index is a multiple of 50 (2 % of each type, and the first of each) carry the tag
# driftwatch:sweep=keep, which the sweeper must respect; the script takes them out of Terraform's state
# before `terraform destroy`, so that both sides delete the same set.
#
# Each copy lives in its own account: the provider assumes a role in var.account, and moto scopes what the
# assumed role's credentials create to that account.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

variable "aws_endpoint" { type = string }
variable "account" { type = string }
variable "size" { type = number }
variable "public_key" { type = string }

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true
  assume_role {
    role_arn = "arn:aws:iam::${var.account}:role/bench-terraform"
  }
  endpoints {
    dynamodb = var.aws_endpoint
    ec2      = var.aws_endpoint
    iam      = var.aws_endpoint
    kms      = var.aws_endpoint
    logs     = var.aws_endpoint
    s3       = var.aws_endpoint
    sns      = var.aws_endpoint
    sqs      = var.aws_endpoint
    sts      = var.aws_endpoint
  }
  default_tags {
    tags = { Bench = "sweeper" }
  }
}

locals {
  # Resources per 1,000, by type (they add up to 1,000).
  share = {
    vpc = 4, subnet = 96, security_group = 150, ebs_volume = 80, eip = 50, key_pair = 60, sqs_queue = 120,
    sns_topic = 100, log_group = 100, iam_role = 60, iam_policy = 60, s3_bucket = 50, dynamodb_table = 40,
    kms_key = 30
  }
  n    = { for k, v in local.share : k => max(1, floor(var.size * v / 1000)) }
  keep = { "driftwatch:sweep" = "keep" }
  # One bucket in five is versioned and holds two objects.
  versioned = [for i in range(local.n.s3_bucket) : i if i % 5 == 1]
  objects   = flatten([for i in local.versioned : [for k in ["a.txt", "b.txt"] : { bucket = i, key = k }]])
}

resource "aws_vpc" "bench" {
  count      = local.n.vpc
  cidr_block = "10.${count.index}.0.0/16"
  tags       = merge({ Name = "bench-${count.index}" }, count.index % 50 == 0 ? local.keep : {})
}

# A protected subnet or group is in the protected VPC (vpc 0): one in another VPC would keep that VPC from being
# deleted, by either tool.
resource "aws_subnet" "bench" {
  count             = local.n.subnet
  vpc_id            = aws_vpc.bench[count.index % 50 == 0 ? 0 : count.index % local.n.vpc].id
  cidr_block        = cidrsubnet(aws_vpc.bench[count.index % 50 == 0 ? 0 : count.index % local.n.vpc].cidr_block, 10, count.index)
  availability_zone = "us-east-1a"
  tags              = merge({ Name = "bench-${count.index}" }, count.index % 50 == 0 ? local.keep : {})
}

resource "aws_security_group" "bench" {
  count       = local.n.security_group
  name        = "bench-${count.index}"
  description = "bench ${count.index}"
  vpc_id      = aws_vpc.bench[count.index % 50 == 0 ? 0 : count.index % local.n.vpc].id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  tags = merge({ Name = "bench-${count.index}" }, count.index % 50 == 0 ? local.keep : {})
}

resource "aws_ebs_volume" "bench" {
  count             = local.n.ebs_volume
  availability_zone = "us-east-1a"
  size              = 1
  tags              = merge({ Name = "bench-${count.index}" }, count.index % 50 == 0 ? local.keep : {})
}

resource "aws_eip" "bench" {
  count  = local.n.eip
  domain = "vpc"
  tags   = merge({ Name = "bench-${count.index}" }, count.index % 50 == 0 ? local.keep : {})
}

resource "aws_key_pair" "bench" {
  count      = local.n.key_pair
  key_name   = "bench-${count.index}"
  public_key = var.public_key
  tags       = count.index % 50 == 0 ? local.keep : {}
}

resource "aws_sqs_queue" "bench" {
  count = local.n.sqs_queue
  name  = "bench-${count.index}"
  tags  = count.index % 50 == 0 ? local.keep : {}
}

resource "aws_sns_topic" "bench" {
  count = local.n.sns_topic
  name  = "bench-${count.index}"
  tags  = count.index % 50 == 0 ? local.keep : {}
}

resource "aws_cloudwatch_log_group" "bench" {
  count = local.n.log_group
  name  = "/bench/${count.index}"
  tags  = count.index % 50 == 0 ? local.keep : {}
}

resource "aws_iam_policy" "bench" {
  count = local.n.iam_policy
  name  = "bench-${count.index}"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = "arn:aws:sqs:us-east-1:${var.account}:bench-${count.index}" }]
  })
  tags = count.index % 50 == 0 ? local.keep : {}
}

resource "aws_iam_role" "bench" {
  count = local.n.iam_role
  name  = "bench-${count.index}"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
  tags = count.index % 50 == 0 ? local.keep : {}
}

# Each role has the policy of the same index attached (both kept, or neither, at multiples of 50).
resource "aws_iam_role_policy_attachment" "bench" {
  count      = min(local.n.iam_role, local.n.iam_policy)
  role       = aws_iam_role.bench[count.index].name
  policy_arn = aws_iam_policy.bench[count.index].arn
}

resource "aws_s3_bucket" "bench" {
  count         = local.n.s3_bucket
  bucket        = "bench-${var.account}-${count.index}"
  force_destroy = true
  tags          = count.index % 50 == 0 ? local.keep : {}
}

resource "aws_s3_bucket_versioning" "bench" {
  for_each = toset([for i in local.versioned : tostring(i)])
  bucket   = aws_s3_bucket.bench[tonumber(each.key)].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_object" "bench" {
  count      = length(local.objects)
  bucket     = aws_s3_bucket.bench[local.objects[count.index].bucket].id
  key        = local.objects[count.index].key
  content    = "bench object ${count.index}"
  depends_on = [aws_s3_bucket_versioning.bench]
}

resource "aws_dynamodb_table" "bench" {
  count        = local.n.dynamodb_table
  name         = "bench-${count.index}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  tags = count.index % 50 == 0 ? local.keep : {}
}

resource "aws_kms_key" "bench" {
  count                   = local.n.kms_key
  description             = "bench ${count.index}"
  deletion_window_in_days = 7
  tags                    = count.index % 50 == 0 ? local.keep : {}
}

output "counts" {
  value = local.n
}
