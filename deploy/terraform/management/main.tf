# driftwatch's own role in the management account, the one its pods run as (README, "IAM roles"). It may only
# assume driftwatch's roles in the member accounts and read the Terraform states it compares with.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

locals {
  # a statement id per state bucket: its name in CamelCase, letters and digits only (IAM's rule for Sid)
  bucket_sids = { for bucket in keys(var.state_buckets) : bucket => replace(title(replace(bucket, "/[^A-Za-z0-9]/", " ")), " ", "") }
}

data "aws_iam_policy_document" "trust" {
  dynamic "statement" {
    for_each = var.pod_identity ? [] : [1]
    content {
      sid     = "IrsaServiceAccount"
      actions = ["sts:AssumeRoleWithWebIdentity"]
      principals {
        type        = "Federated"
        identifiers = [var.oidc_provider_arn]
      }
      condition {
        test     = "StringEquals"
        variable = "${var.oidc_provider}:sub"
        values   = ["system:serviceaccount:${var.namespace}:${var.service_account}"]
      }
      condition {
        test     = "StringEquals"
        variable = "${var.oidc_provider}:aud"
        values   = ["sts.amazonaws.com"]
      }
    }
  }
  dynamic "statement" {
    for_each = var.pod_identity ? [1] : []
    content {
      sid     = "EksPodIdentity"
      actions = ["sts:AssumeRole", "sts:TagSession"]
      principals {
        type        = "Service"
        identifiers = ["pods.eks.amazonaws.com"]
      }
    }
  }
}

data "aws_iam_policy_document" "driftwatch" {
  statement {
    sid       = "AssumeDriftwatchRolesInMemberAccounts"
    actions   = ["sts:AssumeRole"]
    resources = [for name in var.member_role_names : "arn:aws:iam::*:role/${name}"]
  }

  dynamic "statement" {
    for_each = var.state_buckets
    content {
      sid       = "ListStates${local.bucket_sids[statement.key]}"
      actions   = ["s3:ListBucket"]
      resources = ["arn:aws:s3:::${statement.key}"]
      condition {
        test     = "StringLike"
        variable = "s3:prefix"
        values   = ["${statement.value}*"]
      }
    }
  }

  dynamic "statement" {
    for_each = var.state_buckets
    content {
      sid       = "ReadStates${local.bucket_sids[statement.key]}"
      actions   = ["s3:GetObject"]
      resources = ["arn:aws:s3:::${statement.key}/${statement.value}*"]
    }
  }

  dynamic "statement" {
    for_each = length(var.state_kms_key_arns) > 0 ? [1] : []
    content {
      sid       = "DecryptStates"
      actions   = ["kms:Decrypt"]
      resources = var.state_kms_key_arns
    }
  }
}

resource "aws_iam_role" "driftwatch" {
  name                 = var.role_name
  description          = "driftwatch: the service's own identity; reads member accounts through their roles"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  permissions_boundary = var.permissions_boundary_arn
  tags                 = var.tags

  lifecycle {
    precondition {
      condition     = var.pod_identity || (var.oidc_provider_arn != null && var.oidc_provider != null)
      error_message = "With IRSA (pod_identity = false) set oidc_provider_arn and oidc_provider."
    }
  }
}

resource "aws_iam_role_policy" "driftwatch" {
  name   = "driftwatch"
  role   = aws_iam_role.driftwatch.id
  policy = data.aws_iam_policy_document.driftwatch.json
}
