# A VPC, subnets by for_each and a group with inline rules: the module of the parity estate.

variable "cidr" { type = string }

resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags       = { Name = "parity-net" }
}

resource "aws_subnet" "this" {
  for_each          = { a = 1, b = 2 }
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(var.cidr, 8, each.value)
  availability_zone = "us-east-1${each.key}"
  tags              = { Name = "parity-${each.key}" }
}

resource "aws_security_group" "inline" {
  name        = "parity-inline"
  description = "Rules written inline"
  vpc_id      = aws_vpc.this.id
  ingress {
    description = "HTTPS"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Name = "parity-inline" }
}

output "vpc_id" { value = aws_vpc.this.id }
