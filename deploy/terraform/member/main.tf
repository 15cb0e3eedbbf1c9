# driftwatch's roles in one member account. Apply it in every account driftwatch scans (README, "IAM roles").
#
# The scanner role allows exactly the read calls driftwatch's collectors make: scanner-actions.json is generated
# from the resource type descriptors (dev.driftwatch.resource.IamActions) and checked current by
# ResourceTypeCatalogTest. The remediator role, only where remediation is enabled, allows exactly the reads and
# writes of driftwatch's fix actions: remediator-actions.json, generated from the actions and checked current by
# RemediationActionsTest. The sweeper role, only in sandbox accounts, allows the reads of the swept types and the
# deletes of driftwatch's deleters: sweeper-actions.json, generated from the descriptors and the deleters and checked
# current by EveryDeleterTest. All trust only driftwatch's own role in the management account, with an external id.

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
  scanner_actions    = jsondecode(file("${path.module}/scanner-actions.json")).actions
  remediator_actions = jsondecode(file("${path.module}/remediator-actions.json")).actions
  sweeper_actions    = jsondecode(file("${path.module}/sweeper-actions.json")).actions
}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "OnlyDriftwatch"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.driftwatch_principal_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
  }
}

data "aws_iam_policy_document" "scanner" {
  statement {
    sid       = "ReadWhatDriftwatchCollects"
    actions   = local.scanner_actions
    resources = ["*"]
  }
}

resource "aws_iam_role" "scanner" {
  name                 = var.scanner_role_name
  description          = "driftwatch: reads the resources it compares with Terraform states and policies"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  permissions_boundary = var.permissions_boundary_arn
  tags                 = var.tags
}

resource "aws_iam_role_policy" "scanner" {
  name   = "driftwatch-read"
  role   = aws_iam_role.scanner.id
  policy = data.aws_iam_policy_document.scanner.json
}

data "aws_iam_policy_document" "remediator" {
  statement {
    sid       = "ReadAndFixWhatDriftwatchRemediates"
    actions   = local.remediator_actions
    resources = ["*"]
  }
}

resource "aws_iam_role" "remediator" {
  count                = var.remediator_enabled ? 1 : 0
  name                 = var.remediator_role_name
  description          = "driftwatch: corrects settings its policies flag (security group ingress, IMDSv2, key rotation, RDS flags)"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  permissions_boundary = var.permissions_boundary_arn
  tags                 = var.tags
}

resource "aws_iam_role_policy" "remediator" {
  count  = var.remediator_enabled ? 1 : 0
  name   = "driftwatch-remediate"
  role   = aws_iam_role.remediator[0].id
  policy = data.aws_iam_policy_document.remediator.json
}

data "aws_iam_policy_document" "sweeper" {
  statement {
    sid       = "ReadAndDeleteStaleSandboxResources"
    actions   = local.sweeper_actions
    resources = ["*"]
  }
}

resource "aws_iam_role" "sweeper" {
  count                = var.sweeper_enabled ? 1 : 0
  name                 = var.sweeper_role_name
  description          = "driftwatch: deletes stale resources in this sandbox account (never create it in another)"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  permissions_boundary = var.permissions_boundary_arn
  tags                 = var.tags
}

resource "aws_iam_role_policy" "sweeper" {
  count  = var.sweeper_enabled ? 1 : 0
  name   = "driftwatch-sweep"
  role   = aws_iam_role.sweeper[0].id
  policy = data.aws_iam_policy_document.sweeper.json
}
