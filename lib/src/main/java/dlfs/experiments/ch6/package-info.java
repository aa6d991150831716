/**
 * Chapter 6 ("与学习相关的技巧"), the book's experiments: the optimizers' paths on
 * f(x, y) = x²/20 + y² ({@link dlfs.experiments.ch6.OptimizerPaths}, {@code optimizer_compare_naive.py}),
 * the activation histograms of the initial weights ({@link dlfs.experiments.ch6.InitExperiment},
 * {@code weight_init_activation_histogram.py}), overfitting, weight decay and Dropout
 * ({@link dlfs.experiments.ch6.Regularization}, {@code overfit_weight_decay.py},
 * {@code overfit_dropout.py}) and the random hyperparameter search
 * ({@link dlfs.experiments.ch6.HyperparameterSearch}, {@code hyperparameter_optimization.py}).
 * They train with the library's {@link dlfs.train.Trainer}.
 */
package dlfs.experiments.ch6;
