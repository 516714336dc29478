package io.kinobezdna.auth.application.command;

public record LogIn(String email, String password, String clientIp) {}
